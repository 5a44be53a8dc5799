/**
 * "Start at login" per OS, over the few `app` calls it needs (a facade, so the rules are testable
 * without Electron):
 * - Windows: a Run-key entry. Electron finds it again by executable path AND args, so the very same
 *   `path`/`args` are passed to `getLoginItemSettings` as to `setLoginItemSettings`; otherwise
 *   `openAtLogin` always reads false and the entry can never be turned off.
 * - macOS: a login item (SMAppService). It takes no args, so "started at login" is read back from
 *   `wasOpenedAtLogin` instead of a `--tray` flag.
 * - Linux: an XDG autostart entry that runs `… --tray` (Electron's login-item API does nothing there).
 */
export interface LoginItemOptions {
  path?: string;
  args?: string[];
}

/** The subset of Electron's `app` used here (same names and shapes as Electron 45's API). */
export interface LoginItemApp {
  isPackaged: boolean;
  getAppPath(): string;
  getLoginItemSettings(options?: LoginItemOptions): { openAtLogin: boolean; wasOpenedAtLogin?: boolean };
  setLoginItemSettings(settings: LoginItemOptions & { openAtLogin: boolean }): void;
}

export interface AutostartEntry {
  isEnabled(): boolean;
  set(on: boolean): void;
}

export interface LoginItems {
  openAtLogin(): boolean;
  setOpenAtLogin(on: boolean): void;
  /** True when the OS started this instance because of the login item (so it should start in the tray). */
  startedAtLogin(argv: readonly string[]): boolean;
}

export const TRAY_FLAG = '--tray';

/**
 * The Windows Run-key command: the installed exe with `--tray`. Unpackaged (`npm start`), the exe is
 * electron.exe, which needs the app folder first or it would open Electron's default app at login.
 */
export function windowsLoginItem(app: Pick<LoginItemApp, 'isPackaged' | 'getAppPath'>, execPath: string): Required<LoginItemOptions> {
  return { path: execPath, args: app.isPackaged ? [TRAY_FLAG] : [app.getAppPath(), TRAY_FLAG] };
}

export function createLoginItems(platform: NodeJS.Platform, app: LoginItemApp, execPath: string, xdg: () => AutostartEntry): LoginItems {
  const hasTrayFlag = (argv: readonly string[]) => argv.includes(TRAY_FLAG);
  if (platform === 'win32') {
    const item = windowsLoginItem(app, execPath);
    return {
      openAtLogin: () => app.getLoginItemSettings(item).openAtLogin,
      setOpenAtLogin: (on) => app.setLoginItemSettings({ ...item, openAtLogin: on }),
      startedAtLogin: hasTrayFlag,
    };
  }
  if (platform === 'darwin') {
    return {
      openAtLogin: () => app.getLoginItemSettings().openAtLogin,
      setOpenAtLogin: (on) => app.setLoginItemSettings({ openAtLogin: on }),
      startedAtLogin: (argv) => hasTrayFlag(argv) || app.getLoginItemSettings().wasOpenedAtLogin === true,
    };
  }
  const entry = xdg();
  return { openAtLogin: () => entry.isEnabled(), setOpenAtLogin: (on) => entry.set(on), startedAtLogin: hasTrayFlag };
}
