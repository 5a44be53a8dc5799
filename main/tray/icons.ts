import type { TrayIconState } from './menu-model';

export const TRAY_ICON_STATES: readonly TrayIconState[] = ['running', 'unreachable', 'busy'];

const capital = (s: string) => s[0].toUpperCase() + s.slice(1);

/**
 * The tray image for a state, relative to the assets folder: a black + alpha template image on macOS
 * (the menu bar tints it; `@2x` is picked up next to it), a multi-size `.ico` on Windows, a coloured
 * PNG elsewhere (with `@2x` for HiDPI).
 */
export function trayIconFile(state: TrayIconState, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return `tray/tray${capital(state)}Template.png`;
  if (platform === 'win32') return `tray/tray-${state}.ico`;
  return `tray/tray-${state}.png`;
}
