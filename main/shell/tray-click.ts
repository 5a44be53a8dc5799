/**
 * What a left click on the tray icon does. macOS and Linux open the menu themselves (on Linux the
 * StatusNotifierItem host decides; Electron gets no click there). Windows opens the menu only on a
 * right click and emits `click` for the left one, which did nothing: users expect the window.
 */
export type TrayClick = 'show-window' | 'menu';

export const trayLeftClick = (platform: NodeJS.Platform): TrayClick => (platform === 'win32' ? 'show-window' : 'menu');

/** The words a tray shows briefly when the OS refused a notification (title next to the icon on macOS, a balloon on Windows). */
export function trayFlashText(title: string, body: string, max = 120): { title: string; tooltip: string } {
  const tooltip = `${title} — ${body}`;
  return { title, tooltip: tooltip.length > max ? `${tooltip.slice(0, max - 1)}…` : tooltip };
}
