import type { BrowserWindowConstructorOptions } from 'electron';
import { isTrustedSender } from './trusted-sender';

/** Every window's options, in one place so a test can assert each security setting. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Porthole',
    backgroundColor: '#0f1419',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      // Middle-click would otherwise open links through a path that skips the window-open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/** The production CSP, also set as a response header for every page the window loads. */
export const RENDERER_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

/** Navigation stays on our own page (same file, or the dev server's origin); anything else is refused. */
export const isOwnPageUrl = (url: string, rendererUrl: string): boolean => isTrustedSender({ url, parent: null }, rendererUrl);
