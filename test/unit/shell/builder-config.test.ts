import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../../../main/shell/app-identity';
import { ROOT, loadBuilderConfig } from '../../support/builder-config';

type Config = ReturnType<typeof loadBuilderConfig> & Record<string, unknown> & { appImage?: { executableArgs?: string[] }; mac?: Record<string, unknown> };
const config = loadBuilderConfig() as Config;
const requireFromRoot = createRequire(join(ROOT, 'package.json'));

describe('electron-builder.yml', () => {
  it("is valid for the installed electron-builder (its own schema validator)", async () => {
    const { validateConfiguration } = requireFromRoot('app-builder-lib/out/util/config/config') as { validateConfiguration(c: unknown, log: unknown): Promise<void> };
    const { DebugLogger } = requireFromRoot('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    const e2e = { ...config, ...(loadBuilderConfig('electron-builder.e2e.yml') as object) } as Record<string, unknown>;
    delete e2e.extends;
    await expect(validateConfiguration(e2e, new DebugLogger(false))).resolves.toBeUndefined();
  }, 60_000);

  it('rebuilds no native module and packs none of the optional ones', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.files).toEqual(expect.arrayContaining(['!**/node_modules/cpu-features/**', '!**/node_modules/ssh2/lib/protocol/crypto/build/**']));
  });

  it('ssh2 really treats both native parts as optional (loaded inside try/catch)', () => {
    const ssh2 = join(ROOT, 'node_modules', 'ssh2', 'lib', 'protocol');
    expect(readFileSync(join(ssh2, 'constants.js'), 'utf8')).toMatch(/try\s*{\s*cpuInfo = require\('cpu-features'\)\(\);\s*}\s*catch/);
    expect(readFileSync(join(ssh2, 'crypto.js'), 'utf8')).toMatch(/try\s*{\s*binding = require\('\.\/crypto\/build\/Release\/sshcrypto\.node'\);/);
  });

  it('re-signs macOS builds ad hoc after flipping the fuses (test build too)', () => {
    expect(config.electronFuses?.resetAdHocDarwinSignature).toBe(true);
    expect(loadBuilderConfig('electron-builder.e2e.yml').electronFuses?.resetAdHocDarwinSignature).toBe(true);
  });

  it('the AppImage desktop entry does not add --no-sandbox', () => {
    expect(config.appImage?.executableArgs).toEqual([]);
  });

  it("the installer's appId is the AppUserModelID the app sets on Windows", () => {
    expect(config.appId).toBe(APP_ID);
  });
});
