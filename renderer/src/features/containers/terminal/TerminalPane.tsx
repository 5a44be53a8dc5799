import { useEffect, useRef, useState } from 'react';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import '@xterm/xterm/css/xterm.css';
import type { ApiError } from '../../../../../shared/errors';
import { TerminalConnection, type TerminalOptions } from './terminal-connection';
import { TerminalToolbar } from './TerminalToolbar';
import { TerminalProblem } from './TerminalProblem';
import { mirrorStyleElements } from './mirror-style-elements';

/** Lines kept above the screen: enough to scroll back through, bounded so a firehose cannot eat memory. */
const SCROLLBACK = 5000;

/**
 * ANSI colours that each keep 4.5:1 on the black background (xterm's defaults put red, blue and magenta
 * near 3:1). Its `minimumContrastRatio` cannot be used: it writes colours as style attributes, which the CSP refuses.
 */
const READABLE_ON_BLACK = {
  background: '#000000',
  foreground: '#e8e8e8',
  red: '#f14c4c',
  green: '#23d18b',
  yellow: '#e5e510',
  blue: '#3b8eea',
  magenta: '#d670d6',
  cyan: '#29b8db',
  white: '#e5e5e5',
  brightBlack: '#8a8a8a',
  brightRed: '#ff6b6b',
  brightGreen: '#5af78e',
  brightYellow: '#f4f99d',
  brightBlue: '#6cb6ff',
  brightMagenta: '#ff92d0',
  brightCyan: '#9aedfe',
  brightWhite: '#ffffff',
};

export type SessionState = { phase: 'connecting' } | { phase: 'live'; shell: string } | { phase: 'exited'; code: number | null } | { phase: 'failed'; error: ApiError };

interface Props {
  options: Omit<TerminalOptions, 'cols' | 'rows'>;
  active: boolean;
  label: string;
}

/** One xterm.js terminal bound to one exec session; unmounting closes the session. */
export function TerminalPane({ options, active, label }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | null>(null);
  const search = useRef<SearchAddon | null>(null);
  const [state, setState] = useState<SessionState>({ phase: 'connecting' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const terminal = new Terminal({ scrollback: SCROLLBACK, fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace', fontSize: 13, cursorBlink: true, allowProposedApi: true, theme: READABLE_ON_BLACK });
    const fit = new FitAddon();
    const finder = new SearchAddon();
    terminal.loadAddon(fit);
    terminal.loadAddon(finder);
    terminal.open(element);
    const unmirrorStyles = mirrorStyleElements(element);
    terminal.textarea?.setAttribute('aria-label', `${label} input`);
    fit.fit();
    term.current = terminal;
    search.current = finder;
    const set = setState;
    const connection = new TerminalConnection(
      { ...options, cols: terminal.cols, rows: terminal.rows },
      {
        write: (bytes, done) => terminal.write(bytes, done),
        ready: (shell) => set({ phase: 'live', shell }),
        exit: (code) => {
          terminal.write(`\r\n\x1b[2m[process exited${code === null ? '' : ` with code ${code}`}]\x1b[0m\r\n`);
          set({ phase: 'exited', code });
        },
        failed: (error) => set({ phase: 'failed', error }),
      },
    );
    const typed = terminal.onData((data) => connection.input(data));
    const binary = terminal.onBinary((data) => connection.input(Uint8Array.from(data, (c) => c.charCodeAt(0))));
    let resizeTimer = 0;
    const resized = terminal.onResize(({ cols, rows }) => {
      window.clearTimeout(resizeTimer);
      resizeTimer = window.setTimeout(() => connection.resize(cols, rows), 40);
    });
    // Ctrl+Shift+C copies the selection (plain Ctrl+C stays an interrupt for the program).
    terminal.attachCustomKeyEventHandler((e) => {
      if (e.type === 'keydown' && e.ctrlKey && e.shiftKey && e.code === 'KeyC') {
        void navigator.clipboard?.writeText(terminal.getSelection());
        return false;
      }
      return true;
    });
    const observer = new ResizeObserver(() => {
      if (element.offsetParent !== null) fit.fit();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      window.clearTimeout(resizeTimer);
      typed.dispose();
      binary.dispose();
      resized.dispose();
      connection.close();
      terminal.dispose();
      unmirrorStyles();
      term.current = null;
    };
    // The session is this pane's for life; a retry starts a new one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  useEffect(() => {
    if (active) term.current?.focus();
  }, [active]);

  return (
    <div className="term-pane" hidden={!active} data-testid="terminal-pane" data-phase={state.phase}>
      <TerminalToolbar
        state={state}
        onFind={(text, back) => (back ? search.current?.findPrevious(text) : search.current?.findNext(text))}
        onCopy={() => void navigator.clipboard?.writeText(term.current?.getSelection() ?? '')}
        onPaste={() => void navigator.clipboard?.readText().then((text) => term.current?.paste(text))}
        onClear={() => term.current?.clear()}
      />
      {state.phase === 'failed' && (
        <TerminalProblem
          error={state.error}
          containerId={options.containerId}
          onRetry={() => {
            setState({ phase: 'connecting' });
            setAttempt((n) => n + 1);
          }}
        />
      )}
      <div className="term-screen" ref={host} role="region" aria-label={label} hidden={state.phase === 'failed'} />
    </div>
  );
}
