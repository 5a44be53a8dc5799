import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu. Without one, Electron installs its default menu, which ships Reload,
 * Force Reload and Toggle Developer Tools (with their shortcuts) to every user. Ours keeps the
 * edit commands (on macOS, copy and paste in text fields work only through the Edit menu), zoom,
 * full screen and the window commands; reload and the developer tools exist in development only.
 */
export function appMenuTemplate(platform: NodeJS.Platform, development: boolean): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const devItems: MenuItemConstructorOptions[] = development ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] : [];
  return [
    ...(mac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [...devItems, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
  ];
}

/** Every role in a template, submenus included (what a test checks). */
export function rolesIn(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? rolesIn(item.submenu) : [])]);
}
