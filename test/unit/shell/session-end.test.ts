import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { closeHidesToTray, createQuitState, quitOnSystemShutdown, quitOnWindowSessionEnd } from '../../../main/shell/session-end';

// The event names are Electron 45's: BrowserWindow 'query-session-end' / 'session-end' (win32), powerMonitor 'shutdown' (linux, darwin).
describe('session end is a quit', () => {
  it('Windows: after query-session-end, closing the window no longer hides it; session-end quits', () => {
    const state = createQuitState();
    const win = new EventEmitter();
    let quits = 0;
    quitOnWindowSessionEnd(win, state, () => quits++);
    expect(closeHidesToTray(state, true, true)).toBe(true);
    win.emit('query-session-end', { reasons: ['logoff'] });
    expect(closeHidesToTray(state, true, true)).toBe(false);
    win.emit('session-end', { reasons: ['logoff'] });
    expect(quits).toBe(1);
  });

  it('Linux / macOS: powerMonitor shutdown quits', () => {
    const state = createQuitState();
    const powerMonitor = new EventEmitter();
    let quits = 0;
    quitOnSystemShutdown(powerMonitor, state, () => quits++);
    powerMonitor.emit('shutdown');
    expect(state.quitting).toBe(true);
    expect(quits).toBe(1);
  });

  it('close hides to the tray only when the user wants it and a tray can bring the window back', () => {
    const state = createQuitState();
    expect(closeHidesToTray(state, false, true)).toBe(false);
    expect(closeHidesToTray(state, true, false)).toBe(false);
    state.markQuitting();
    expect(closeHidesToTray(state, true, true)).toBe(false);
  });
});
