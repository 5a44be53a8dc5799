import type { EngineEntry } from '../../shared/api/engines';
import type { MenuEntry, MenuItemModel } from './menu-model';

const MAX_REASON = 60;

/** One engine's line: its name and what the last look at it found. */
export function engineLabel(e: EngineEntry): string {
  if (e.status.state === 'connected') return `${e.name} — Engine ${e.status.version}`;
  if (e.status.state === 'unreachable') return `${e.name} — unreachable: ${shorten(e.status.reason)}`;
  return `${e.name} — status unknown`;
}

/**
 * The "Engine" submenu: every engine with its status, a radio mark on the one in use; picking another
 * switches through the registry, as the sidebar's switcher does.
 */
export function enginesSection(engines: EngineEntry[]): MenuItemModel[] {
  if (engines.length === 0) return [];
  const current = engines.find((e) => e.current);
  const submenu: MenuEntry[] = engines.map((e) => ({
    kind: 'item',
    id: `engine:${e.id}`,
    label: engineLabel(e),
    enabled: true,
    radio: true,
    checked: e.current,
    // The current engine's item stays clickable (menus need it for the radio mark) but does nothing.
    action: e.current ? undefined : { type: 'switch-engine', id: e.id, name: e.name },
  }));
  return [{ kind: 'item', id: 'engines', label: `Engine: ${current?.name ?? 'none'}`, enabled: true, submenu }];
}

const shorten = (text: string): string => (text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 1)}…` : text);
