import { describe, expect, it } from 'vitest';
import { createLoginItems, type LoginItemApp, type LoginItemOptions } from '../../../main/shell/login-item';

/**
 * Electron's documented login-item behaviour (app.getLoginItemSettings, Electron 45), as a fake:
 * on Windows an entry is a Run-key value found again only by the same `path` AND `args`
 * ("If you provided path and args options to setLoginItemSettings, then you need to pass the same
 * arguments here for openAtLogin to be set correctly"); on macOS there are no args and
 * `wasOpenedAtLogin` tells whether this launch came from the login item.
 */
function fakeElectronApp(platform: 'win32' | 'darwin', opts: { packaged?: boolean; openedAtLogin?: boolean } = {}) {
  const execPath = 'C:\\Program Files\\Porthole\\Porthole.exe';
  const runKey = new Map<string, boolean>();
  const key = (o: LoginItemOptions = {}) => (platform === 'win32' ? `${o.path ?? execPath}|${(o.args ?? []).join(' ')}` : 'mac');
  const app: LoginItemApp = {
    isPackaged: opts.packaged ?? true,
    getAppPath: () => 'C:\\src\\porthole',
    getLoginItemSettings: (o) => ({ openAtLogin: runKey.get(key(o)) ?? false, ...(platform === 'darwin' ? { wasOpenedAtLogin: opts.openedAtLogin ?? false } : {}) }),
    setLoginItemSettings: (s) => {
      if (s.openAtLogin) runKey.set(key(s), true);
      else runKey.delete(key(s));
    },
  };
  return { app, execPath, runKey };
}

const noXdg = () => {
  throw new Error('not on Linux');
};

describe('Windows login item', () => {
  it('reads back what it wrote, so "Start at login" can be turned off again', () => {
    const { app, execPath, runKey } = fakeElectronApp('win32');
    const items = createLoginItems('win32', app, execPath, noXdg);
    expect(items.openAtLogin()).toBe(false);
    items.setOpenAtLogin(true);
    expect(items.openAtLogin()).toBe(true);
    expect([...runKey.keys()]).toEqual([`${execPath}|--tray`]);
    // The tray's toggle: !openAtLogin() → off.
    items.setOpenAtLogin(!items.openAtLogin());
    expect(items.openAtLogin()).toBe(false);
    expect(runKey.size).toBe(0);
  });

  it('unpackaged (npm start), the entry starts electron.exe with the app folder, not Electron’s default app', () => {
    const { app, execPath, runKey } = fakeElectronApp('win32', { packaged: false });
    createLoginItems('win32', app, execPath, noXdg).setOpenAtLogin(true);
    expect([...runKey.keys()]).toEqual([`${execPath}|C:\\src\\porthole --tray`]);
  });

  it('a launch from the login item carries --tray', () => {
    const { app, execPath } = fakeElectronApp('win32');
    const items = createLoginItems('win32', app, execPath, noXdg);
    expect(items.startedAtLogin(['Porthole.exe', '--tray'])).toBe(true);
    expect(items.startedAtLogin(['Porthole.exe'])).toBe(false);
  });
});

describe('macOS login item', () => {
  it('starts in the tray when macOS opened it at login (login items carry no args)', () => {
    const { app } = fakeElectronApp('darwin', { openedAtLogin: true });
    expect(createLoginItems('darwin', app, '/Applications/Porthole.app/Contents/MacOS/Porthole', noXdg).startedAtLogin(['Porthole'])).toBe(true);
  });

  it('a launch by the user opens the window', () => {
    const { app } = fakeElectronApp('darwin', { openedAtLogin: false });
    expect(createLoginItems('darwin', app, '/x', noXdg).startedAtLogin(['Porthole'])).toBe(false);
  });

  it('turns on and off without args', () => {
    const { app } = fakeElectronApp('darwin');
    const items = createLoginItems('darwin', app, '/x', noXdg);
    items.setOpenAtLogin(true);
    expect(items.openAtLogin()).toBe(true);
    items.setOpenAtLogin(false);
    expect(items.openAtLogin()).toBe(false);
  });
});

describe('Linux', () => {
  it('uses the XDG autostart entry, whose command carries --tray', () => {
    let on = false;
    const items = createLoginItems('linux', fakeElectronApp('win32').app, '/opt/Porthole/porthole', () => ({ isEnabled: () => on, set: (v) => void (on = v) }));
    items.setOpenAtLogin(true);
    expect(items.openAtLogin()).toBe(true);
    expect(items.startedAtLogin(['porthole', '--tray'])).toBe(true);
  });
});
