/**
 * Close-to-tray must never stand in the way of a shutdown or log-off. On Windows, `before-quit` is
 * not emitted when the session ends: the window gets `query-session-end` then `session-end`
 * (Electron 45, win32), and a close handler that calls `preventDefault()` would block logoff. On
 * Linux and macOS, `powerMonitor` emits `shutdown`. Each of these marks the app as quitting, so the
 * close handler lets the window close, and asks the app to quit.
 */
export interface EventSource {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

export interface QuitState {
  readonly quitting: boolean;
  markQuitting(): void;
}

export function createQuitState(): QuitState {
  let quitting = false;
  return {
    get quitting() {
      return quitting;
    },
    markQuitting: () => void (quitting = true),
  };
}

/** Windows: each window hears the session end. */
export function quitOnWindowSessionEnd(window: EventSource, state: QuitState, quit: () => void): void {
  // query-session-end first: from here on a close must not be turned into a hide.
  window.on('query-session-end', () => state.markQuitting());
  window.on('session-end', () => {
    state.markQuitting();
    quit();
  });
}

/** Linux and macOS: the power monitor hears the shutdown (it exists only after `ready`). */
export function quitOnSystemShutdown(powerMonitor: EventSource, state: QuitState, quit: () => void): void {
  powerMonitor.on('shutdown', () => {
    state.markQuitting();
    quit();
  });
}

/** The window's close handler's decision: hide to the tray, or let it close. */
export function closeHidesToTray(state: QuitState, keepRunningInTray: boolean, trayVisible: boolean): boolean {
  return !state.quitting && keepRunningInTray && trayVisible;
}
