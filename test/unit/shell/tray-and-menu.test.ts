import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate, rolesIn } from '../../../main/shell/app-menu';
import { trayFlashText, trayLeftClick } from '../../../main/shell/tray-click';
import { detectTrayHost, parseNameHasOwner, probeStatusNotifierWatcher, trayCanRestore, trayHostVerdict } from '../../../main/shell/tray-host';

describe('tray click', () => {
  it('Windows opens the window on a left click; elsewhere the OS shows the menu', () => {
    expect(trayLeftClick('win32')).toBe('show-window');
    expect(trayLeftClick('darwin')).toBe('menu');
    expect(trayLeftClick('linux')).toBe('menu');
  });

  it('the fallback text fits a tooltip', () => {
    const text = trayFlashText('Could not stop web', 'x'.repeat(500));
    expect(text.tooltip.length).toBeLessThanOrEqual(120);
    expect(text.title).toBe('Could not stop web');
  });
});

describe('tray host (GNOME without an AppIndicator extension has none)', () => {
  it('trusts the session bus when it answers', () => {
    expect(trayHostVerdict('linux', true, { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' })).toBe('present');
    expect(trayHostVerdict('linux', false, { XDG_CURRENT_DESKTOP: 'KDE' })).toBe('absent');
  });

  it('without an answer: GNOME is assumed trayless, other desktops are not', () => {
    expect(trayHostVerdict('linux', null, { XDG_CURRENT_DESKTOP: 'GNOME' })).toBe('absent');
    expect(trayHostVerdict('linux', null, { XDG_CURRENT_DESKTOP: 'XFCE' })).toBe('unknown');
    expect(trayCanRestore('unknown')).toBe(true);
    expect(trayCanRestore('absent')).toBe(false);
  });

  it('Windows and macOS always have one (no probe)', async () => {
    let probed = false;
    const probe = async () => ((probed = true), false);
    expect(await detectTrayHost('win32', {}, probe)).toBe('present');
    expect(await detectTrayHost('darwin', {}, probe)).toBe('present');
    expect(probed).toBe(false);
  });

  it("reads gdbus's GVariant answer", () => {
    expect(parseNameHasOwner('(true,)\n')).toBe(true);
    expect(parseNameHasOwner('(false,)\n')).toBe(false);
    expect(parseNameHasOwner('Error: …')).toBeNull();
  });

  it('the real probe answers null, quickly, when there is no session bus', async () => {
    const saved = process.env.DBUS_SESSION_BUS_ADDRESS;
    process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/porthole-test-bus';
    try {
      const started = Date.now();
      expect(await probeStatusNotifierWatcher()).toBeNull();
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      if (saved === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
      else process.env.DBUS_SESSION_BUS_ADDRESS = saved;
    }
  });
});

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

describe.skipIf(!has('dbus-daemon') || !has('gdbus'))('the probe against a real session bus (Debian dbus-daemon + libglib2.0-bin)', () => {
  it('answers false when no tray host owns the StatusNotifierWatcher name', async () => {
    const daemon = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const saved = process.env.DBUS_SESSION_BUS_ADDRESS;
    try {
      const address = await new Promise<string>((resolve, reject) => {
        daemon.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
        daemon.once('error', reject);
      });
      process.env.DBUS_SESSION_BUS_ADDRESS = address;
      expect(await probeStatusNotifierWatcher()).toBe(false);
      expect(await detectTrayHost('linux', { XDG_CURRENT_DESKTOP: 'GNOME' })).toBe('absent');
    } finally {
      if (saved === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
      else process.env.DBUS_SESSION_BUS_ADDRESS = saved;
      daemon.kill();
    }
  });
});

describe('application menu', () => {
  const devOnly = ['reload', 'forceReload', 'toggleDevTools'];

  it.each(['darwin', 'win32', 'linux'] as const)('%s production menu has no reload or developer tools', (platform) => {
    const roles = rolesIn(appMenuTemplate(platform, false));
    for (const role of devOnly) expect(roles).not.toContain(role);
    expect(roles).toContain('editMenu');
    expect(roles).toContain('fileMenu');
  });

  it('development (npm run dev) keeps them', () => {
    expect(rolesIn(appMenuTemplate('linux', true))).toEqual(expect.arrayContaining(devOnly));
  });

  it('macOS gets the app menu (About, Hide, Quit)', () => {
    expect(rolesIn(appMenuTemplate('darwin', false))[0]).toBe('appMenu');
    expect(rolesIn(appMenuTemplate('win32', false))).not.toContain('appMenu');
  });
});
