import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * "Start at login" on Linux, where Electron's login-item API does nothing: an XDG autostart entry
 * that starts Porthole in the tray. (macOS and Windows use `app.setLoginItemSettings`.)
 */
export class XdgAutostart {
  constructor(
    private readonly exec: string,
    private readonly configHome = process.env.XDG_CONFIG_HOME || join(homedir(), '.config'),
  ) {}

  get path(): string {
    return join(this.configHome, 'autostart', 'porthole.desktop');
  }

  isEnabled(): boolean {
    return existsSync(this.path);
  }

  set(on: boolean): void {
    if (!on) {
      rmSync(this.path, { force: true });
      return;
    }
    mkdirSync(join(this.configHome, 'autostart'), { recursive: true });
    writeFileSync(this.path, desktopEntry(this.exec));
  }
}

export function desktopEntry(exec: string): string {
  const quoted = /[\s"'\\$`]/.test(exec) ? `"${exec.replace(/(["\\$`])/g, '\\$1')}"` : exec;
  return ['[Desktop Entry]', 'Type=Application', 'Name=Porthole', 'Comment=Docker containers in your tray', `Exec=${quoted} --tray`, 'Terminal=false', 'X-GNOME-Autostart-enabled=true', ''].join('\n');
}
