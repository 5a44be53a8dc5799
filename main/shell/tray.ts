import { app, Menu, nativeImage, Tray } from 'electron';
import { join } from 'node:path';
import { trayIconFile } from '../tray/icons';
import { buildTrayMenu, trayIconState, trayTooltip, type MenuInput, type TrayAction } from '../tray/menu-model';
import { toMenuTemplate } from './tray-template';
import { trayFlashText, trayLeftClick } from './tray-click';

/** The assets folder: next to the app in development, in `resources/assets` when packaged (extraResources). */
export const assetsDir = (): string => (app.isPackaged ? join(process.resourcesPath, 'assets') : join(app.getAppPath(), 'assets'));

export interface ShellTray {
  tray: Tray;
  /** Rebuilds icon, tooltip and menu from the model (call it on each change). */
  refresh: () => void;
  /** Shows a message on the tray itself, for when the OS refuses notifications. */
  flash: (title: string, body: string) => void;
}

const FLASH_MS = 10_000;

/** The tray icon and its menu: rebuilt from the model whenever the live state changes. */
export function createTray(menuInput: () => MenuInput, dispatch: (action: TrayAction) => void, showWindow: () => void): ShellTray {
  const imageFor = (input: MenuInput) => nativeImage.createFromPath(join(assetsDir(), trayIconFile(trayIconState(input.snapshot), process.platform)));
  const first = menuInput();
  const tray = new Tray(imageFor(first));
  let lastIcon = trayIconState(first.snapshot);
  let flashUntil = 0;
  if (trayLeftClick(process.platform) === 'show-window') tray.on('click', () => showWindow());
  const refresh = () => {
    if (tray.isDestroyed()) return;
    const input = menuInput();
    const icon = trayIconState(input.snapshot);
    if (icon !== lastIcon) {
      tray.setImage(imageFor(input));
      lastIcon = icon;
    }
    if (Date.now() >= flashUntil) tray.setToolTip(trayTooltip(input.snapshot));
    tray.setContextMenu(Menu.buildFromTemplate(toMenuTemplate(buildTrayMenu(input), dispatch)));
  };
  const flash = (title: string, body: string) => {
    if (tray.isDestroyed()) return;
    const text = trayFlashText(title, body);
    flashUntil = Date.now() + FLASH_MS;
    tray.setToolTip(text.tooltip);
    if (process.platform === 'darwin') tray.setTitle(` ${text.title}`);
    if (process.platform === 'win32') tray.displayBalloon({ title, content: body, iconType: 'info' });
    setTimeout(() => {
      if (tray.isDestroyed()) return;
      if (process.platform === 'darwin') tray.setTitle('');
      refresh();
    }, FLASH_MS).unref();
  };
  refresh();
  return { tray, refresh, flash };
}
