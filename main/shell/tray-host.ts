import { execFile } from 'node:child_process';

/**
 * Whether a tray icon will be seen. Windows and macOS always show one. On Linux, Electron's tray is a
 * StatusNotifierItem, shown only when a host owns `org.kde.StatusNotifierWatcher` on the session bus:
 * KDE, Xfce, Cinnamon, Ubuntu's GNOME (its AppIndicator extension) do; stock GNOME does not, and
 * there close-to-tray would hide Porthole behind an icon nobody sees.
 */
export type TrayHost = 'present' | 'absent' | 'unknown';

export const WATCHER = 'org.kde.StatusNotifierWatcher';

/** Asks the session bus whether the watcher name has an owner (gdbus ships with GLib). null = could not ask. */
export function probeStatusNotifierWatcher(timeoutMs = 1500): Promise<boolean | null> {
  return new Promise((resolve) => {
    const args = ['call', '--session', '--timeout', '1', '--dest', 'org.freedesktop.DBus', '--object-path', '/org/freedesktop/DBus', '--method', 'org.freedesktop.DBus.NameHasOwner', WATCHER];
    execFile('gdbus', args, { timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, stdout) => {
      if (error) return resolve(null);
      resolve(parseNameHasOwner(stdout));
    });
  });
}

/** gdbus prints a GVariant tuple: "(true,)" or "(false,)". */
export function parseNameHasOwner(stdout: string): boolean | null {
  const match = /^\((true|false),\)$/.exec(stdout.trim());
  return match ? match[1] === 'true' : null;
}

export function trayHostVerdict(platform: NodeJS.Platform, watcherOwned: boolean | null, env: NodeJS.ProcessEnv): TrayHost {
  if (platform !== 'linux') return 'present';
  if (watcherOwned !== null) return watcherOwned ? 'present' : 'absent';
  // Could not ask the bus: on GNOME (no tray without an extension) assume none, elsewhere assume one.
  return /(^|:)GNOME($|:)/i.test(env.XDG_CURRENT_DESKTOP ?? '') ? 'absent' : 'unknown';
}

export async function detectTrayHost(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, probe = probeStatusNotifierWatcher): Promise<TrayHost> {
  return trayHostVerdict(platform, platform === 'linux' ? await probe() : null, env);
}

/** Hiding the window (close-to-tray, start in the tray) is only allowed when the tray can bring it back. */
export const trayCanRestore = (host: TrayHost): boolean => host !== 'absent';
