import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, _electron as electron } from '@playwright/test';

/**
 * Where the Electron binary is, without requiring `electron` (which would try to download it).
 * Absent when installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1.
 */
function electronBinary(): string | null {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(p) ? p : null;
  }
  const root = join(__dirname, '..', '..', 'node_modules', 'electron');
  const pathFile = join(root, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

test.describe('Electron shell', () => {
  test.skip(!binary, 'No Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1; it cannot be downloaded here).');

  test('launches, shows the engine status, and exposes only the porthole bridge', async () => {
    const app = await electron.launch({ args: ['.'], executablePath: binary! });
    const window = await app.firstWindow();
    await expect(window.getByTestId('engine-badge')).toBeVisible();
    const globals = await window.evaluate(() => ({
      porthole: Object.keys((window as unknown as { porthole: object }).porthole).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(globals).toEqual({ porthole: ['invoke', 'on', 'subscribe'], require: 'undefined', process: 'undefined' });
    await app.close();
  });
});
