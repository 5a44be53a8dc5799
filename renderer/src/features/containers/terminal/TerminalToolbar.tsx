import { useState } from 'react';
import type { SessionState } from './TerminalPane';

const STATUS: Record<SessionState['phase'], string> = { connecting: 'Connecting…', live: 'Connected', exited: 'Ended', failed: 'Could not start' };

/** Search in the scrollback, copy, paste, clear — and what the session is doing. */
export function TerminalToolbar({ state, onFind, onCopy, onPaste, onClear }: { state: SessionState; onFind: (text: string, back: boolean) => void; onCopy: () => void; onPaste: () => void; onClear: () => void }) {
  const [query, setQuery] = useState('');
  return (
    <div className="term-toolbar">
      <span className="muted term-status" role="status">
        {STATUS[state.phase]}
        {state.phase === 'live' && <> · <code>{state.shell}</code></>}
        {state.phase === 'exited' && state.code !== null && ` (exit code ${state.code})`}
      </span>
      <form
        className="term-search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          onFind(query, false);
        }}
      >
        <input type="search" aria-label="Search the scrollback" placeholder="Search scrollback" value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="button" className="btn btn-small" onClick={() => onFind(query, true)} disabled={!query}>
          Previous
        </button>
        <button type="submit" className="btn btn-small" disabled={!query}>
          Next
        </button>
      </form>
      <button type="button" className="btn btn-small" onClick={onCopy} title="Copy the selection (Ctrl+Shift+C)">
        Copy
      </button>
      <button type="button" className="btn btn-small" onClick={onPaste} title="Paste (Ctrl+Shift+V)">
        Paste
      </button>
      <button type="button" className="btn btn-small" onClick={onClear}>
        Clear
      </button>
    </div>
  );
}
