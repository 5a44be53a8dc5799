import { app, Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import { trayIconFile } from '../tray/icons';
import { buildTrayMenu, trayIconState, trayTooltip, type MenuEntry, type MenuInput, type TrayAction } from '../tray/menu-model';

/** The assets folder: next to the app in development, in `resources/assets` when packaged (extraResources). */
export const assetsDir = (): string => (app.isPackaged ? join(process.resourcesPath, 'assets') : join(app.getAppPath(), 'assets'));

export function toMenuTemplate(entries: MenuEntry[], dispatch: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  return entries.map((entry): MenuItemConstructorOptions => {
    if (entry.kind === 'separator') return { type: 'separator' };
    const action = entry.action;
    return {
      id: entry.id,
      label: entry.label,
      enabled: entry.enabled,
      ...(entry.checked !== undefined ? { type: 'checkbox' as const, checked: entry.checked } : {}),
      ...(entry.submenu ? { submenu: toMenuTemplate(entry.submenu, dispatch) } : {}),
      ...(action ? { click: () => dispatch(action) } : {}),
    };
  });
}

/**
 * The tray icon and its menu: rebuilt from the model whenever the live state changes. Returns the
 * function that rebuilds it (call it on each change) and the Tray itself.
 */
export function createTray(menuInput: () => MenuInput, dispatch: (action: TrayAction) => void): { tray: Tray; refresh: () => void } {
  const imageFor = (input: MenuInput) => nativeImage.createFromPath(join(assetsDir(), trayIconFile(trayIconState(input.snapshot), process.platform)));
  const first = menuInput();
  const tray = new Tray(imageFor(first));
  let lastIcon = trayIconState(first.snapshot);
  const refresh = () => {
    if (tray.isDestroyed()) return;
    const input = menuInput();
    const icon = trayIconState(input.snapshot);
    if (icon !== lastIcon) {
      tray.setImage(imageFor(input));
      lastIcon = icon;
    }
    tray.setToolTip(trayTooltip(input.snapshot));
    tray.setContextMenu(Menu.buildFromTemplate(toMenuTemplate(buildTrayMenu(input), dispatch)));
  };
  refresh();
  return { tray, refresh };
}
