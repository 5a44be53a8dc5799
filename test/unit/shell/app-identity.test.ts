import { describe, expect, it } from 'vitest';
import { APP_ID, appUserModelId, applyAppIdentity } from '../../../main/shell/app-identity';
import { dataDir } from '../../../main/lib/data-dir';
import { navigationEndsConnection } from '../../../main/shell/navigation';

function fakeApp(isPackaged: boolean) {
  const calls: string[] = [];
  return { calls, app: { isPackaged, setPath: (name: string, path: string) => calls.push(`setPath ${name} ${path}`), setAppUserModelId: (id: string) => calls.push(`aumid ${id}`) } };
}

describe('app identity, applied before the single-instance lock', () => {
  it('userData follows PORTHOLE_DATA_DIR, so a test instance has its own lock', () => {
    const { app, calls } = fakeApp(true);
    applyAppIdentity(app, 'linux', dataDir({ PORTHOLE_DATA_DIR: '/tmp/porthole-e2e-1' }, 'linux', '/home/u'), '/opt/Porthole/porthole');
    expect(calls).toEqual(['setPath userData /tmp/porthole-e2e-1']);
  });

  it('Windows: the AppUserModelID is the installer appId when packaged, the exe path otherwise', () => {
    const packaged = fakeApp(true);
    applyAppIdentity(packaged.app, 'win32', 'C:\\Users\\u\\AppData\\Roaming\\Porthole', 'C:\\Porthole\\Porthole.exe');
    expect(packaged.calls).toContain(`aumid ${APP_ID}`);
    expect(appUserModelId(false, 'C:\\node_modules\\electron\\dist\\electron.exe')).toBe('C:\\node_modules\\electron\\dist\\electron.exe');
  });
});

describe('did-start-navigation (event-object form)', () => {
  it('only a main-frame navigation to another document ends the connection', () => {
    expect(navigationEndsConnection({ isMainFrame: true, isSameDocument: false })).toBe(true);
    expect(navigationEndsConnection({ isMainFrame: true, isSameDocument: true })).toBe(false);
    expect(navigationEndsConnection({ isMainFrame: false, isSameDocument: false })).toBe(false);
  });
});
