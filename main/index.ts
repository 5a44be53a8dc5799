/** The Electron shell: the only code that imports `electron`. Everything else is plain Node. */
import { app, BrowserWindow, dialog, shell } from 'electron';
import { createCore } from './app';
import type { HostAdapter } from './services/host-adapter';
import { registerIpcTransport } from './shell/ipc-transport';
import { createMainWindow, hardenSession, rendererUrl } from './shell/window';
import { IPC } from '../shared/channels';

let mainWindow: BrowserWindow | null = null;

const electronHost: HostAdapter = {
  kind: 'electron',
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
};

function showWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow();
    mainWindow.on('closed', () => (mainWindow = null));
  } else {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => showWindow());
  app.whenReady().then(() => {
    hardenSession();
    const core = createCore(electronHost, { log: (m) => console.log(m) });
    core.push.subscribe((channel, payload) => {
      for (const win of BrowserWindow.getAllWindows()) if (!win.isDestroyed()) win.webContents.send(IPC.push, channel, payload);
    });
    registerIpcTransport(core, rendererUrl);
    showWindow();
    app.on('activate', () => showWindow());
    app.on('before-quit', () => core.stop());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
