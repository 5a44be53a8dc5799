import type { MenuItemConstructorOptions } from 'electron';
import type { MenuEntry, TrayAction } from '../tray/menu-model';

/** The menu model as Electron's template (type-only electron import: unit tests run it in plain Node). */
export function toMenuTemplate(entries: MenuEntry[], dispatch: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  return entries.map((entry): MenuItemConstructorOptions => {
    if (entry.kind === 'separator') return { type: 'separator' };
    const action = entry.action;
    return {
      id: entry.id,
      label: entry.label,
      enabled: entry.enabled,
      ...(entry.checked !== undefined ? { type: entry.radio ? ('radio' as const) : ('checkbox' as const), checked: entry.checked } : {}),
      ...(entry.submenu ? { submenu: toMenuTemplate(entry.submenu, dispatch) } : {}),
      ...(action ? { click: () => dispatch(action) } : {}),
    };
  });
}
