/** The Electron shell: the only code that imports `electron`. Everything else is plain Node. */
import { app, BrowserWindow, dialog, shell } from 'electron';
import { createCore, type PortholeCore } from './core';
import type { HostAdapter } from './host/host-adapter';
import { registerIpcTransport } from './shell/ipc-transport';
import { createMainWindow, hardenSession, rendererUrl } from './shell/window';
import { createTray } from './shell/tray';
import { showErrorNotification, showNotification } from './shell/notifications';
import { IPC } from '../shared/channels';
import type { PushEvents } from '../shared/api/contract';
import { SettingsStore } from './settings/store';
import { dataDir } from './lib/data-dir';
import { XdgAutostart } from './settings/autostart';
import { TrayState } from './tray/tray-state';
import { buildTrayMenu, findMenuItem, type MenuInput } from './tray/menu-model';
import { createTrayDispatcher, rememberRuns, type TrayShellPort } from './tray/actions';
import { trackBusyStreams } from './tray/busy-tracker';
import { Notifier } from './notify/notifier';
import { onDeployResult, watchDeployHistory } from './notify/deploy-results';
import { createKeychainSecretStore } from './shell/keychain-secrets';

let mainWindow: BrowserWindow | null = null;
let quitting = false;

const electronHost: HostAdapter = {
  kind: 'electron',
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
  secrets: createKeychainSecretStore(() => dataDir()),
};

/** "Start at login": Electron's login items on macOS and Windows, an XDG autostart entry on Linux. */
function loginItems(): Pick<TrayShellPort, 'openAtLogin' | 'setOpenAtLogin'> {
  if (process.platform === 'linux') {
    const xdg = new XdgAutostart(process.env.APPIMAGE || process.execPath);
    return { openAtLogin: () => xdg.isEnabled(), setOpenAtLogin: (on) => xdg.set(on) };
  }
  return {
    openAtLogin: () => app.getLoginItemSettings().openAtLogin,
    setOpenAtLogin: (on) => app.setLoginItemSettings({ openAtLogin: on, args: ['--tray'] }),
  };
}

function start(core: PortholeCore): void {
  const settings = new SettingsStore(dataDir());
  rememberRuns(core.services.containers, settings);

  /** The window is created on first use (the tray may be the only entry point) and kept when hidden. */
  const ensureWindow = (): BrowserWindow => {
    if (mainWindow && !mainWindow.isDestroyed()) return mainWindow;
    const win = createMainWindow({ openExternal: (url) => core.services.host.openExternal(url) });
    win.on('close', (event) => {
      if (quitting || !settings.get().keepRunningInTray) return;
      event.preventDefault();
      win.hide();
    });
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
    const request: PushEvents['ui:navigate'] = { view, focusId: focusId ?? null };
    const send = () => win.webContents.send(IPC.push, 'ui:navigate', request);
    if (win.webContents.isLoading()) win.webContents.once('did-finish-load', send);
    else send();
  };

  const shellPort: TrayShellPort = {
    showWindow,
    ...loginItems(),
    quit: () => app.quit(),
    reportError: (title, body) => showErrorNotification(title, body),
  };

  const trayState = new TrayState(core.connection, core.services);
  trackBusyStreams(core.router, trayState);
  const dispatch = createTrayDispatcher(core.services, settings, shellPort);
  const run = (action: Parameters<typeof dispatch>[0]) => void dispatch(action);
  const menuInput = (): MenuInput => ({ snapshot: trayState.current, settings: settings.get(), openAtLogin: shellPort.openAtLogin() });
  const { refresh } = createTray(menuInput, run);
  trayState.on('change', refresh);
  settings.onChange(refresh);
  trayState.start();

  const notifier = new Notifier({ settings: () => settings.get(), show: (spec) => showNotification(spec, run) });
  core.connection.on('event', (event) => notifier.handleEvent(event));
  core.connection.on('status', (status) => notifier.handleStatus(status));
  watchDeployHistory(core.services.deploy.history);
  onDeployResult((result) => notifier.notifyDeploy(result));

  if (process.env.PORTHOLE_TEST_HOOKS === '1') {
    // Playwright cannot click a tray: it reads the menu model and triggers items through `app.evaluate`.
    Object.assign(globalThis, {
      __portholeTray: {
        menu: () => buildTrayMenu(menuInput()),
        trigger: async (id: string) => {
          const action = findMenuItem(buildTrayMenu(menuInput()), id)?.action;
          if (!action) throw new Error(`No tray item "${id}" with an action.`);
          await dispatch(action);
        },
      },
    });
  }

  app.on('second-instance', () => showWindow());
  app.on('activate', () => showWindow());
  app.on('before-quit', () => {
    quitting = true;
    notifier.dispose();
    trayState.stop();
    core.stop();
  });

  const trayOnly = process.argv.includes('--tray') || settings.get().startInTray;
  if (!trayOnly) showWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.whenReady().then(() => {
    hardenSession();
    const core = createCore(electronHost, { log: (m) => console.log(m) });
    core.push.subscribe((channel, payload) => {
      for (const win of BrowserWindow.getAllWindows()) if (!win.isDestroyed()) win.webContents.send(IPC.push, channel, payload);
    });
    registerIpcTransport(core, rendererUrl);
    start(core);
  });
  // With the tray, closing the last window does not quit (unless the user turned that off).
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' && !quitting) app.quit();
  });
}
