import { BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RENDERER_CSP, windowOptions } from './window-options';

const devUrl = (): string | undefined => process.env.ELECTRON_RENDERER_URL;

export const rendererUrl = (): string => devUrl() ?? pathToFileURL(join(__dirname, '../renderer/index.html')).toString();

/** Denies every permission request and sets the CSP header for every response (prod only: Vite's dev server needs inline scripts). */
export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  if (!devUrl()) {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } });
    });
  }
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.js')));
  const ours = rendererUrl();
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Links to a container's published port open in the user's browser (http/https only); nothing opens in-app.
    if (/^https?:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+/i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(ours.split('?')[0].split('#')[0])) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  if (devUrl()) void win.loadURL(ours);
  else void win.loadFile(join(__dirname, '../renderer/index.html'));
  return win;
}
