import { app, BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RENDERER_CSP, isOwnPageUrl, windowOptions } from './window-options';
import { withRendererCsp } from './csp';
import { devRendererUrl } from './dev-switches';

const devUrl = (): string | undefined => devRendererUrl({ isPackaged: app.isPackaged, env: process.env });

export const rendererUrl = (): string => devUrl() ?? pathToFileURL(join(__dirname, '../renderer/index.html')).toString();

/**
 * Denies every permission request, sets the CSP header on our own page's responses (prod only: Vite's
 * dev server needs inline scripts; other responses, DevTools included, keep theirs), and locks down every web contents ever created, not only ours:
 * no webviews, no new windows, no navigation away from our page.
 */
export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  if (!devUrl()) {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: withRendererCsp(details, rendererUrl(), RENDERER_CSP) });
    });
  }
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event, url) => {
      if (!isOwnPageUrl(url, rendererUrl())) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isOwnPageUrl(url, rendererUrl())) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

export interface MainWindowOptions {
  /**
   * Opens a link in the user's browser after checking it: only http(s) loopback URLs whose port a
   * container publishes (HostService.openExternal). Rejects otherwise.
   */
  openExternal: (url: string) => Promise<unknown>;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.js')));
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Nothing opens in-app; a container's published port may open in the user's browser, after the check.
    options.openExternal(url).catch(() => {});
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());
  if (devUrl()) void win.loadURL(rendererUrl());
  else void win.loadFile(join(__dirname, '../renderer/index.html'));
  return win;
}
