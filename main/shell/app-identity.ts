/**
 * What must be set before anything else touches the app (before the single-instance lock and
 * `ready`):
 * - userData follows the data folder (`PORTHOLE_DATA_DIR` or the per-user default). Electron keeps
 *   its single-instance lock, cookies and caches there, so a test instance with its own data folder
 *   no longer collides with the user's running Porthole.
 * - On Windows, the AppUserModelID is the installer's appId: the NSIS installer stamps it on the
 *   Start-menu shortcut, and toasts are shown only for an id that a shortcut carries. Unpackaged
 *   runs have no shortcut; there Electron's documented choice is the executable's path.
 */
export const APP_ID = 'dev.porthole.app';

export interface IdentityApp {
  isPackaged: boolean;
  setPath(name: 'userData', path: string): void;
  setAppUserModelId(id: string): void;
}

export function appUserModelId(packaged: boolean, execPath: string): string {
  return packaged ? APP_ID : execPath;
}

export function applyAppIdentity(app: IdentityApp, platform: NodeJS.Platform, dataDir: string, execPath: string): void {
  app.setPath('userData', dataDir);
  if (platform === 'win32') app.setAppUserModelId(appUserModelId(app.isPackaged, execPath));
}
