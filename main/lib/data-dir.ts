import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Porthole keeps its files (settings, VM profiles, deploy history, encrypted registry secrets):
 * `PORTHOLE_DATA_DIR`, else the platform's per-user app-data folder — the same folder Electron's
 * `app.getPath('userData')` gives for the product name Porthole, so the desktop app, the browser host
 * and the CLI share one place.
 */
export function dataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.PORTHOLE_DATA_DIR) return env.PORTHOLE_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Porthole');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Porthole');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Porthole');
}
