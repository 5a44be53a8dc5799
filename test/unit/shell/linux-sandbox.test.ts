import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appImageApparmorCommands, appImageApparmorProfile, sandboxVerdict } from '../../../main/shell/linux-sandbox';
import { ROOT } from '../../support/builder-config';

// electron-builder's own AppImage launcher generator (the AppRun that ends up in every AppImage it builds).
const { generateAppRunScript } = createRequire(join(ROOT, 'package.json'))('app-builder-lib/out/targets/appimage/appImageUtil') as {
  generateAppRunScript(config: Record<string, string>): string;
};

const work = mkdtempSync(join(tmpdir(), 'porthole-apprun-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * Runs electron-builder 26's real AppRun in a fake AppDir whose "porthole" binary prints its argv.
 * `unshareWorks` stands in for the kernel: on Ubuntu 24.04 AppArmor makes `unshare -Ur true` fail.
 */
function runAppRun(unshareWorks: boolean, args: string[] = []): string[] {
  const appDir = mkdtempSync(join(work, 'AppDir-'));
  writeFileSync(join(appDir, 'AppRun'), generateAppRunScript({ DesktopFileName: 'porthole.desktop', ExecutableName: 'porthole', ProductName: 'Porthole', ProductFilename: 'Porthole', ResourceName: 'appimagekit-porthole' }), { mode: 0o755 });
  writeFileSync(join(appDir, 'porthole'), '#!/bin/sh\nfor a in "$@"; do echo "$a"; done\n', { mode: 0o755 });
  // AppRun puts the AppDir first on PATH, so this `unshare` answers for the kernel.
  writeFileSync(join(appDir, 'unshare'), `#!/bin/sh\nexit ${unshareWorks ? 0 : 1}\n`);
  chmodSync(join(appDir, 'unshare'), 0o755);
  const run = spawnSync('bash', [join(appDir, 'AppRun'), ...args], { env: { PATH: process.env.PATH, HOME: work, APPDIR: appDir, APPIMAGE: '/home/u/Apps/Porthole.AppImage' }, encoding: 'utf8', timeout: 10_000 });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.split('\n').filter(Boolean);
}

describe("electron-builder's AppImage launcher", () => {
  it('passes no --no-sandbox where user namespaces work', () => {
    expect(runAppRun(true, ['--tray'])).toEqual(['--tray']);
  });

  it('adds --no-sandbox by itself where they do not (Ubuntu 24.04+), which is why the app checks', () => {
    const argv = runAppRun(false, ['--tray']);
    expect(argv).toEqual(['--no-sandbox', '--tray']);
    const verdict = sandboxVerdict({ platform: 'linux', argv: ['/tmp/.mount_Portho/porthole', ...argv], appImage: '/home/u/Apps/Porthole.AppImage', packaged: true });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.detail).toContain(appImageApparmorCommands('/home/u/Apps/Porthole.AppImage'));
  });
});

describe('sandbox verdict', () => {
  it('lets everything else run: other OSes, sandboxed launches, source checkouts', () => {
    expect(sandboxVerdict({ platform: 'linux', argv: ['porthole'], packaged: true }).ok).toBe(true);
    expect(sandboxVerdict({ platform: 'win32', argv: ['x', '--no-sandbox'], packaged: true }).ok).toBe(true);
    expect(sandboxVerdict({ platform: 'linux', argv: ['electron', '.', '--no-sandbox'], packaged: false }).ok).toBe(true);
  });

  it('the AppArmor profile grants user namespaces to that one AppImage path, quoted', () => {
    const profile = appImageApparmorProfile('/home/u/My Apps/Porthole.AppImage');
    expect(profile).toContain('abi <abi/4.0>,');
    expect(profile).toContain('profile porthole-appimage "/home/u/My Apps/Porthole.AppImage" flags=(unconfined) {');
    expect(profile).toMatch(/^\s+userns,$/m);
  });

  // AppArmor 4 (Ubuntu 24.04+) only: Debian 12's AppArmor 3 knows neither abi/4.0 nor the userns rule —
  // the same check electron-builder's deb runs before installing its own profile.
  const apparmor4 = spawnSync('sh', ['-c', 'command -v apparmor_parser && test -e /etc/apparmor.d/abi/4.0']).status === 0;
  it.skipIf(!apparmor4)('the profile parses with AppArmor 4’s apparmor_parser', () => {
    const file = join(work, 'profile');
    writeFileSync(file, appImageApparmorProfile('/home/u/Apps/Porthole.AppImage'));
    const parsed = spawnSync('apparmor_parser', ['--skip-kernel-load', '--skip-cache', '--debug', file], { encoding: 'utf8' });
    expect(parsed.status, parsed.stderr).toBe(0);
  });
});
