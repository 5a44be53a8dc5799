/**
 * Which engine events change which list: the one table every live list reads (the renderer's store and
 * the tray in main). A list is re-fetched only when an event it names arrives, so adding a list or an
 * action is a change here and nowhere else.
 */
import type { EngineEvent, EngineObjectType } from './dto';

/** Every action of that type, only these, or every action but these (after `actionOf`). */
export type ActionMatch = 'any' | { readonly only: readonly string[] } | { readonly except: readonly string[] };

/**
 * Container events that change nothing a row shows. dockerd reports exec as `exec_create: <cmd>`,
 * `exec_start: <cmd>`, `exec_die`; Podman 4 as `exec` and `exec_died`.
 */
const CONTAINER_ROW: ActionMatch = {
  except: ['exec_create', 'exec_start', 'exec_die', 'exec_detach', 'exec', 'exec_died', 'attach', 'detach', 'resize', 'top', 'export', 'copy', 'archive-path', 'extract-to-dir', 'commit'],
};
/** A container appears or goes: dockerd says `destroy`, Podman `remove`. */
const CONTAINER_BORN_OR_GONE = ['create', 'destroy', 'remove'];

export const LIVE_LISTS = {
  containers: { container: CONTAINER_ROW },
  /** Container create/remove change an image's "used by" count. */
  images: { image: { only: ['pull', 'tag', 'untag', 'delete', 'import', 'load', 'build'] }, container: { only: CONTAINER_BORN_OR_GONE } },
  /** The Overview's counts (containers running/paused/stopped, images) come from `/info`. */
  engineInfo: {
    container: { only: [...CONTAINER_BORN_OR_GONE, 'start', 'die', 'pause', 'unpause'] },
    image: { only: ['pull', 'tag', 'untag', 'delete', 'import', 'load', 'build'] },
  },
  /** A row lists the containers using the volume, with their state. */
  volumes: { volume: 'any', container: CONTAINER_ROW },
  /** A row lists the attached containers, with their state and address. */
  networks: { network: 'any', container: CONTAINER_ROW },
  /** Replica counts follow the tasks' containers starting and dying. */
  swarmServices: { service: 'any', node: 'any', container: CONTAINER_ROW },
  swarmNodes: { node: 'any' },
} as const satisfies Record<string, Partial<Record<EngineObjectType, ActionMatch>>>;

export type LiveListKey = keyof typeof LIVE_LISTS;

/** The action without its detail: `exec_start: sh -c …` → `exec_start`, `health_status: healthy` → `health_status`. */
export function actionOf(event: Pick<EngineEvent, 'action'>): string {
  return event.action.split(':')[0].trim();
}

function matches(match: ActionMatch | undefined, action: string): boolean {
  if (!match) return false;
  if (match === 'any') return true;
  return 'only' in match ? match.only.includes(action) : !match.except.includes(action);
}

/** True when `event` may have changed the list `key`. */
export function touches(key: LiveListKey, event: Pick<EngineEvent, 'type' | 'action'>): boolean {
  const rules: Partial<Record<EngineObjectType, ActionMatch>> = LIVE_LISTS[key];
  return matches(rules[event.type], actionOf(event));
}

/** Every list `event` may have changed. */
export function listsTouchedBy(event: Pick<EngineEvent, 'type' | 'action'>): LiveListKey[] {
  return (Object.keys(LIVE_LISTS) as LiveListKey[]).filter((key) => touches(key, event));
}
