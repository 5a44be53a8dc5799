import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsStore } from '../../main/settings/store';
import { dataDir } from '../../main/lib/data-dir';
import { desktopEntry, XdgAutostart } from '../../main/settings/autostart';

const dir = () => mkdtempSync(join(tmpdir(), 'porthole-settings-'));

describe('SettingsStore', () => {
  it('starts from the defaults and persists toggles as JSON in the data dir', () => {
    const d = dir();
    const store = new SettingsStore(d);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    store.toggle('keepRunningInTray');
    store.toggle('notifications.engine');
    const again = new SettingsStore(d);
    expect(again.get()).toMatchObject({ keepRunningInTray: false, notifications: { containerExit: true, deploy: true, engine: false } });
    expect(JSON.parse(readFileSync(join(d, 'settings.json'), 'utf8')).keepRunningInTray).toBe(false);
  });

  it('remembers the last run per image without the container name, newest wins', () => {
    const store = new SettingsStore(dir());
    store.rememberRun({ image: 'web:1', name: 'web-a', ports: [{ hostPort: 8080, containerPort: 80 }], env: ['A=1'] }, 1);
    store.rememberRun({ image: 'web:1', name: 'web-b', env: ['A=2'] }, 2);
    expect(store.lastRunFor('web:1')).toEqual({ image: 'web:1', ports: [], env: [], mounts: [], restartPolicy: 'no' });
    expect(store.lastRunFor('other:1')).toBeUndefined();
  });

  it('a broken file gives the defaults; a file from an older version keeps what it had', () => {
    const broken = dir();
    writeFileSync(join(broken, 'settings.json'), '{ not json');
    expect(new SettingsStore(broken).get()).toEqual(DEFAULT_SETTINGS);
    const older = dir();
    writeFileSync(join(older, 'settings.json'), JSON.stringify({ startInTray: true }));
    expect(new SettingsStore(older).get()).toEqual({ ...DEFAULT_SETTINGS, startInTray: true });
  });

  it('PORTHOLE_DATA_DIR overrides the shell data dir', () => {
    expect(dataDir({ PORTHOLE_DATA_DIR: '/tmp/p' }, 'linux', '/home/u')).toBe('/tmp/p');
    expect(dataDir({}, 'linux', '/home/u')).toBe('/home/u/.config/Porthole');
  });
});

describe('Linux start at login', () => {
  it('writes and removes an XDG autostart entry that starts in the tray', () => {
    const home = dir();
    const xdg = new XdgAutostart('/opt/Porthole/porthole', home);
    expect(xdg.isEnabled()).toBe(false);
    xdg.set(true);
    expect(readFileSync(join(home, 'autostart', 'porthole.desktop'), 'utf8')).toContain('Exec=/opt/Porthole/porthole --tray');
    xdg.set(false);
    expect(xdg.isEnabled()).toBe(false);
    expect(desktopEntry('/home/me/My Apps/Porthole.AppImage')).toContain('Exec="/home/me/My Apps/Porthole.AppImage" --tray');
  });
});
