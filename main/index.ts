/** The Electron shell: the only code that imports `electron`. Everything else is plain Node. */
import { app, BrowserWindow, dialog, Menu, powerMonitor, safeStorage, shell } from 'electron';
import { createCore, type PortholeCore } from './core';
import type { HostAdapter } from './host/host-adapter';
import { registerIpcTransport } from './shell/ipc-transport';
import { createMainWindow, hardenSession, rendererUrl } from './shell/window';
import { createTray, type ShellTray } from './shell/tray';
import { createShellNotifications } from './shell/notifications';
import { createKeychainSecretStore } from './shell/keychain-secrets';
import { createLoginItems } from './shell/login-item';
import { applyAppIdentity } from './shell/app-identity';
import { appMenuTemplate } from './shell/app-menu';
import { devRendererUrl, testHooksEnabled } from './shell/dev-switches';
import { closeHidesToTray, createQuitState, quitOnSystemShutdown, quitOnWindowSessionEnd } from './shell/session-end';
import { detectTrayHost, trayCanRestore, type TrayHost } from './shell/tray-host';
import { sandboxVerdict } from './shell/linux-sandbox';
import { IPC } from '../shared/channels';
import { SettingsStore } from './settings/store';
import { dataDir } from './lib/data-dir';
import { XdgAutostart } from './settings/autostart';
import { TrayState } from './tray/tray-state';
import { buildTrayMenu, findMenuItem, type MenuInput } from './tray/menu-model';
import { createTrayDispatcher, rememberRuns, type TrayShellPort } from './tray/actions';
import { trackBusyTasks } from './tray/busy-tracker';
import { Notifier } from './notify/notifier';
import { onDeployResult } from './notify/deploy-results';

let mainWindow: BrowserWindow | null = null;
const quitState = createQuitState();
const secrets = createKeychainSecretStore(safeStorage, () => dataDir());

const electronHost: HostAdapter = {
  capabilities: { folderPicker: true, openExternal: true },
  openExternal: async (url) => {
    if (!/^https?:\/\//i.test(url)) return false;
    await shell.openExternal(url);
    return true;
  },
  pickFolder: async (title) => {
    const options = { title: title ?? 'Choose a folder', properties: ['openDirectory' as const] };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  secrets,
};

function start(core: PortholeCore, trayHost: TrayHost): void {
  const settings = new SettingsStore(dataDir());
  rememberRuns(core.events, settings);
  const loginItems = createLoginItems(process.platform, app, process.execPath, () => new XdgAutostart(process.env.APPIMAGE || process.execPath));
  const quit = () => app.quit();

  /** The window is created on first use (the tray may be the only entry point) and kept when hidden. */
  const ensureWindow = (): BrowserWindow => {
    if (mainWindow && !mainWindow.isDestroyed()) return mainWindow;
    const win = createMainWindow({ openExternal: (url) => core.services.host.openExternal(url) });
    win.on('close', (event) => {
      if (!closeHidesToTray(quitState, settings.get().keepRunningInTray, trayCanRestore(trayHost))) return;
      event.preventDefault();
      win.hide();
    });
    quitOnWindowSessionEnd(win, quitState, quit);
    win.on('closed', () => (mainWindow = null));
    mainWindow = win;
    return win;
  };

  const showWindow = (view?: string, focusId?: string): void => {
    const win = ensureWindow();
    if (win.isMinimized()) win.restore();
    if (!win.webContents.isLoading()) win.show();
    win.focus();
    if (!view) return;
    const send = () => core.push.publish('ui:navigate', { view, focusId: focusId ?? null });
    if (win.webContents.isLoading()) win.webContents.once('did-finish-load', send);
    else send();
  };

  let shellTray: ShellTray | null = null;
  const notifications = createShellNotifications((title, body) => shellTray?.flash(title, body));
  const shellPort: TrayShellPort = {
    showWindow,
    openAtLogin: () => loginItems.openAtLogin(),
    setOpenAtLogin: (on) => loginItems.setOpenAtLogin(on),
    quit,
    reportError: (title, body) => notifications.showError(title, body),
  };

  const trayState = new TrayState(core.connection, core.services);
  trackBusyTasks(core.events, trayState);
  const dispatch = createTrayDispatcher(core.services, settings, shellPort);
  const run = (action: Parameters<typeof dispatch>[0]) => void dispatch(action);
  const menuInput = (): MenuInput => ({ snapshot: trayState.current, settings: settings.get(), openAtLogin: shellPort.openAtLogin() });
  shellTray = createTray(menuInput, run, () => showWindow());
  const { refresh } = shellTray;
  trayState.on('change', refresh);
  settings.onChange(refresh);
  trayState.start();

  const notifier = new Notifier({ settings: () => settings.get(), show: (spec) => notifications.show(spec, run) });
  core.connection.on('event', (event) => notifier.handleEvent(event));
  core.connection.on('status', (status) => notifier.handleStatus(status));
  onDeployResult(core.events, (result) => notifier.notifyDeploy(result));
  quitOnSystemShutdown(powerMonitor, quitState, quit);

  const trayOnly = (loginItems.startedAtLogin(process.argv) || settings.get().startInTray) && trayCanRestore(trayHost);

  if (testHooksEnabled({ isPackaged: app.isPackaged, env: process.env })) {
    // Playwright cannot click a tray: it reads the menu model and triggers items through `app.evaluate`.
    Object.assign(globalThis, {
      __portholeTray: {
        menu: () => buildTrayMenu(menuInput()),
        trigger: async (id: string) => {
          const action = findMenuItem(buildTrayMenu(menuInput()), id)?.action;
          if (!action) throw new Error(`No tray item "${id}" with an action.`);
          await dispatch(action);
        },
        click: () => shellTray?.tray.emit('click'),
        startedInTray: trayOnly,
        trayHost,
        notify: (title: string, body: string, kind: 'info' | 'error') => notifications.presenter.show({ kind, title, body }),
        notificationsRefused: () => notifications.presenter.refused,
      },
    });
  }

  app.on('second-instance', () => showWindow());
  app.on('activate', () => showWindow());
  app.on('before-quit', () => {
    quitState.markQuitting();
    notifier.flushAll();
    notifier.dispose();
    trayState.stop();
    core.stop();
  });

  if (!trayOnly) showWindow();
}

/** Refuses to run a shipped build with the Chromium sandbox off (see shell/linux-sandbox.ts). */
async function sandboxRefused(): Promise<boolean> {
  const verdict = sandboxVerdict({ platform: process.platform, argv: process.argv, appImage: process.env.APPIMAGE, packaged: app.isPackaged });
  if (verdict.ok) return false;
  console.error(`${verdict.title}\n${verdict.detail}`);
  await dialog.showMessageBox({ type: 'error', title: 'Porthole', message: verdict.title, detail: verdict.detail, buttons: ['Quit'] });
  return true;
}

// Before the lock: Electron keeps the single-instance lock in userData, which must follow PORTHOLE_DATA_DIR.
applyAppIdentity(app, process.platform, dataDir(), process.execPath);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.whenReady().then(async () => {
    if (await sandboxRefused()) return app.exit(1);
    // Without our own menu Electron installs its default one, with Reload and DevTools; those stay in `npm run dev` only.
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform, Boolean(devRendererUrl({ isPackaged: app.isPackaged, env: process.env })))));
    hardenSession();
    void secrets.prepare();
    const trayHost = detectTrayHost();
    const core = createCore(electronHost, { log: (m) => console.log(m) });
    core.push.subscribe((channel, payload) => {
      for (const win of BrowserWindow.getAllWindows()) if (!win.isDestroyed()) win.webContents.send(IPC.push, channel, payload);
    });
    registerIpcTransport(core, rendererUrl);
    start(core, await trayHost);
  });
  // With the tray, closing the last window does not quit (unless the user turned that off).
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' && !quitState.quitting) app.quit();
  });
}
