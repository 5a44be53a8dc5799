import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import type { InlineConfig, ViteDevServer } from 'vite';
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

/**
 * Launches the built app with the tray test hook on, its own data folder (which is also its userData,
 * so its single-instance lock never meets the user's Porthole) and its own XDG config (autostart).
 */
const launch = (args: string[] = [], env: Record<string, string> = {}): Promise<ElectronApplication> =>
  electron.launch({
    args: ['.', ...args],
    executablePath: binary!,
    env: {
      ...process.env,
      PORTHOLE_TEST_HOOKS: '1',
      PORTHOLE_DATA_DIR: mkdtempSync(join(tmpdir(), 'porthole-e2e-')),
      XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'porthole-e2e-xdg-')),
      ...env,
    } as Record<string, string>,
  });

/** The tray cannot be clicked from Playwright: the main process exposes its menu model and a trigger. */
type TrayHook = {
  menu(): MenuEntry[];
  trigger(id: string): Promise<void>;
  click(): void;
  startedInTray: boolean;
  trayHost: string;
  notify(title: string, body: string, kind: 'info' | 'error'): void;
  notificationsRefused(): boolean;
};
const launchFacts = (app: ElectronApplication) =>
  app.evaluate(() => {
    const h = (globalThis as unknown as { __portholeTray: TrayHook }).__portholeTray;
    return { startedInTray: h.startedInTray, trayHost: h.trayHost, refused: h.notificationsRefused() };
  });
const checked = (entries: MenuEntry[], id: string): boolean | undefined => {
  for (const e of entries) {
    if (e.kind !== 'item') continue;
    if (e.id === id) return e.checked;
    const inner = checked(e.submenu ?? [], id);
    if (inner !== undefined) return inner;
  }
  return undefined;
};
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

test.describe('Electron shell: first launch on each OS', () => {
  test.skip(!binary, 'No Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1; it cannot be downloaded here).');

  test('"Start at login" turns on and off again, and a login launch starts in the tray', async () => {
    const app = await launch();
    try {
      await app.firstWindow();
      expect(checked(await trayMenu(app), 'login')).toBe(false);
      await trayTrigger(app, 'login');
      expect(checked(await trayMenu(app), 'login')).toBe(true);
      await trayTrigger(app, 'login');
      expect(checked(await trayMenu(app), 'login')).toBe(false);
    } finally {
      await app.close();
    }
    // What the Windows Run key and the XDG autostart entry start (macOS passes no args: a plain launch
    // there was not opened at login, so it opens the window). Without a tray host (stock GNOME) the window stays.
    const atLogin = await launch(process.platform === 'darwin' ? [] : ['--tray']);
    try {
      const facts = await launchFacts(atLogin);
      const expectTray = process.platform !== 'darwin' && facts.trayHost !== 'absent';
      expect(facts.startedInTray).toBe(expectTray);
      if (expectTray) expect(atLogin.windows()).toHaveLength(0);
      else await atLogin.firstWindow();
    } finally {
      await atLogin.close();
    }
  });

  test('a notification is shown, or — where the OS refuses it — told through the fallback, never silently dropped', async () => {
    const app = await launch(['--tray']);
    try {
      await app.evaluate(() => (globalThis as unknown as { __portholeTray: TrayHook }).__portholeTray.notify('Porthole e2e', 'notification check', 'error'));
      // Either the OS took it, or it refused (unsigned macOS build, Windows without the Start-menu
      // shortcut) and the presenter switched to the fallback (tray text + message box).
      await expect
        .poll(async () => (await launchFacts(app)).refused || (await app.evaluate(({ Notification }) => Notification.isSupported())))
        .toBe(true);
    } finally {
      await app.close();
    }
  });

  test('Windows: a left click on the tray icon opens the window', async () => {
    test.skip(process.platform !== 'win32', 'Only Windows leaves the left click to the app.');
    const app = await launch(['--tray']);
    try {
      expect(app.windows()).toHaveLength(0);
      await app.evaluate(() => (globalThis as unknown as { __portholeTray: TrayHook }).__portholeTray.click());
      const window = await app.firstWindow();
      await expect(window.getByTestId('engine-badge')).toBeVisible();
    } finally {
      await app.close();
    }
  });
});

test.describe('npm run dev renderer (Vite dev server + Debian Chromium; no Electron binary needed)', () => {
  /** The renderer part of electron.vite.config.ts, served by Vite as `electron-vite dev` does. */
  async function devServer(): Promise<ViteDevServer> {
    const { createServer, loadConfigFromFile } = await import('vite');
    // Loaded by Vite's own config loader, as electron-vite does (the file is ESM TypeScript).
    const loaded = await loadConfigFromFile({ command: 'serve', mode: 'development' }, join(__dirname, '..', '..', 'electron.vite.config.ts'), undefined, 'silent');
    const config = loaded!.config as unknown as { renderer: InlineConfig };
    const server = await createServer({ ...config.renderer, configFile: false, logLevel: 'silent', server: { host: '127.0.0.1', port: 0, strictPort: false } });
    await server.listen();
    return server;
  }

  // The app's stylesheet sets `margin: 0` on body; Chromium's default is 8px. Vite serves CSS as injected <style> tags in dev.
  const bodyMargin = (page: Page) => page.evaluate(() => getComputedStyle(document.body).marginTop);
  const productionMeta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync(join(__dirname, '..', '..', 'renderer', 'index.html'), 'utf8'))![1];

  test('renders, styled, with no CSP violation under the dev CSP; the production CSP would leave it unstyled', async ({ page }) => {
    test.setTimeout(300_000);
    const server = await devServer();
    try {
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      const url = server.resolvedUrls!.local[0];
      const rendered = () => page.locator('#root').evaluate((el) => el.childElementCount);
      // The first request makes Vite optimise the dependencies (several seconds on 2 cores), and the dev
      // server's hundreds of module requests fail with ERR_NETWORK_CHANGED whenever the engine adds a
      // network interface meanwhile (another test's container): load again until the page comes up.
      await expect(async () => {
        await page.goto(url);
        await expect.poll(rendered, { timeout: 20_000 }).toBeGreaterThan(0);
      }).toPass({ timeout: 120_000 });
      await expect.poll(() => bodyMargin(page)).toBe('0px');
      expect(violations).toEqual([]);

      // The same page with the meta tag put back to the production policy (what `npm run dev` served before).
      await page.route(url, async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace(/(http-equiv="Content-Security-Policy"\s+content=")[^"]+"/, `$1${productionMeta}"`);
        await route.fulfill({ response, body: html });
      });
      await expect(async () => {
        await page.reload();
        await expect.poll(rendered, { timeout: 20_000 }).toBeGreaterThan(0);
      }).toPass({ timeout: 120_000 });
      // (Vite puts the React-refresh preamble above the meta tag, where a meta CSP does not reach it.)
      await expect.poll(() => violations.some((v) => /inline style/i.test(v) && /style-src 'self'/.test(v))).toBe(true);
      expect(await bodyMargin(page)).toBe('8px');
    } finally {
      await server.close();
    }
  });
});
