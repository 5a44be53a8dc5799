import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, _electron as electron, type ElectronApplication } from '@playwright/test';
import type { MenuEntry } from '../../main/tray/menu-model';
import { docker, runBusybox } from '../support/engine';
import { uniqueName } from '../support/run-id';

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

/** Launches the built app with the tray test hook on and its own settings folder. */
const launch = (args: string[] = []): Promise<ElectronApplication> =>
  electron.launch({
    args: ['.', ...args],
    executablePath: binary!,
    env: { ...process.env, PORTHOLE_TEST_HOOKS: '1', PORTHOLE_DATA_DIR: mkdtempSync(join(tmpdir(), 'porthole-e2e-')) } as Record<string, string>,
  });

/** The tray cannot be clicked from Playwright: the main process exposes its menu model and a trigger. */
type TrayHook = { menu(): MenuEntry[]; trigger(id: string): Promise<void> };
const trayMenu = (app: ElectronApplication) => app.evaluate(() => (globalThis as unknown as { __portholeTray: TrayHook }).__portholeTray.menu());
const trayTrigger = (app: ElectronApplication, id: string) =>
  app.evaluate((_electron, itemId) => (globalThis as unknown as { __portholeTray: TrayHook }).__portholeTray.trigger(itemId), id);
const ids = (entries: MenuEntry[]): string[] => entries.flatMap((e) => (e.kind === 'item' ? [e.id, ...ids(e.submenu ?? [])] : []));

test.describe('Electron shell', () => {
  test.skip(!binary, 'No Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1; it cannot be downloaded here).');

  test('launches, shows the engine status, and exposes only the porthole bridge', async () => {
    const app = await launch();
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

  test('tray: starts with no window, lists a container started outside, stops and starts it, opens its logs', async () => {
    const name = uniqueName('e2e-tray');
    const app = await launch(['--tray']);
    try {
      expect(app.windows()).toHaveLength(0);
      const id = await runBusybox(name, ['/bin/busybox', 'sh', '-c', 'trap "exit 0" TERM; /bin/busybox sleep 3600 & wait']);
      // The main process updates the model from engine events; here we can only look at it from outside.
      await expect.poll(async () => ids(await trayMenu(app))).toContain(`stop:${id}`);

      await trayTrigger(app, `stop:${id}`);
      expect((await docker.getContainer(id).inspect()).State.Running).toBe(false);
      await expect.poll(async () => ids(await trayMenu(app))).toContain(`start:${id}`);

      await trayTrigger(app, `start:${id}`);
      expect((await docker.getContainer(id).inspect()).State.Running).toBe(true);
      await expect.poll(async () => ids(await trayMenu(app))).toContain(`logs:${id}`);

      // "Show logs" creates the window lazily and navigates it to that container.
      await trayTrigger(app, `logs:${id}`);
      const window = await app.firstWindow();
      await expect(window.getByTestId('engine-badge')).toBeVisible();
      await expect(window.getByText(name).first()).toBeVisible();
    } finally {
      await app.close();
      await docker.getContainer(name).remove({ force: true }).catch(() => {});
    }
  });
});
