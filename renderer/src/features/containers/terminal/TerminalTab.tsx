import { useState } from 'react';
import { splitCommand } from '../../../../../shared/shell-words';
import { TerminalPane } from './TerminalPane';
import { SessionOptionsForm, type SessionChoice } from './SessionOptionsForm';
import './terminal.css';

interface Session {
  key: number;
  title: string;
  choice: SessionChoice;
}

let nextKey = 0;
const newSession = (choice: SessionChoice, n: number): Session => ({ key: ++nextKey, title: choice.command.trim() ? `${choice.command.trim().split(/\s+/)[0]} ${n}` : `Terminal ${n}`, choice });

/**
 * Terminals inside one container: several at once, each its own exec session. Closing a session's tab
 * (or leaving the container) ends the process inside.
 */
export function TerminalTab({ containerId }: { containerId: string }) {
  const [choice, setChoice] = useState<SessionChoice>({ command: '', user: '', workdir: '' });
  const [sessions, setSessions] = useState<Session[]>(() => [newSession({ command: '', user: '', workdir: '' }, 1)]);
  const [active, setActive] = useState<number>(sessions[0].key);
  const [opened, setOpened] = useState(1);

  const open = () => {
    const n = opened + 1;
    const session = newSession(choice, n);
    setOpened(n);
    setSessions((all) => [...all, session]);
    setActive(session.key);
  };
  const close = (key: number) => {
    const rest = sessions.filter((s) => s.key !== key);
    setSessions(rest);
    if (active === key && rest.length > 0) setActive(rest[rest.length - 1].key);
  };
  const words = choice.command.trim() ? splitCommand(choice.command) : null;
  const badCommand = words && !Array.isArray(words) ? words.error : null;

  return (
    <div className="term-tab" data-testid="terminal-tab">
      <div className="term-sessions" role="group" aria-label="Terminal sessions">
        {sessions.map((s) => (
          <span key={s.key} className={s.key === active ? 'term-session active' : 'term-session'}>
            <button type="button" aria-pressed={s.key === active} className="term-session-name" onClick={() => setActive(s.key)}>
              {s.title}
            </button>
            <button type="button" className="term-session-close" aria-label={`Close ${s.title}`} title={`Close ${s.title} (ends its process)`} onClick={() => close(s.key)}>
              ×
            </button>
          </span>
        ))}
        <button type="button" className="btn btn-small" onClick={open} disabled={Boolean(badCommand)}>
          + New terminal
        </button>
        <SessionOptionsForm value={choice} onChange={setChoice} problem={badCommand} />
      </div>
      {sessions.length === 0 && <p className="muted term-none">No terminal open. “New terminal” opens one (bash if the image has it, else sh, or the command in Options).</p>}
      {sessions.map((s) => {
        const parsed = s.choice.command.trim() ? splitCommand(s.choice.command) : null;
        return (
          <TerminalPane
            key={s.key}
            label={s.title}
            active={s.key === active}
            options={{
              containerId,
              ...(Array.isArray(parsed) && parsed.length > 0 ? { command: parsed } : {}),
              ...(s.choice.user.trim() ? { user: s.choice.user.trim() } : {}),
              ...(s.choice.workdir.trim() ? { workdir: s.choice.workdir.trim() } : {}),
            }}
          />
        );
      })}
    </div>
  );
}
