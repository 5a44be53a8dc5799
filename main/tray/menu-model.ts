import type { ContainerSummary, EngineStatus, ImageSummary } from '../../shared/dto';
import type { Settings, SettingsToggle } from '../settings/store';
import type { TraySnapshot } from './tray-state';
import { enginesSection } from './engines-section';
import { projectsSection } from './projects-section';

/** What a menu item does; the shell turns it into a click handler, tests trigger it directly. */
export type TrayAction =
  | { type: 'open-url'; url: string }
  | { type: 'container'; verb: 'start' | 'stop' | 'restart'; id: string; name: string }
  | { type: 'compose'; verb: 'stop'; project: string }
  | { type: 'show'; view: string; focusId?: string }
  | { type: 'run-image'; image: string }
  | { type: 'toggle-setting'; key: SettingsToggle }
  | { type: 'toggle-login' }
  | { type: 'switch-engine'; id: string; name: string }
  | { type: 'quit' };

export interface MenuItemModel {
  kind: 'item';
  /** Stable and unique within a menu: what a test uses to find and trigger an item. */
  id: string;
  label: string;
  enabled: boolean;
  action?: TrayAction;
  checked?: boolean;
  /** With `checked`: one of a group where exactly one is on (the engine in use). */
  radio?: boolean;
  submenu?: MenuEntry[];
}
export type MenuEntry = MenuItemModel | { kind: 'separator' };

export type TrayIconState = 'running' | 'unreachable' | 'busy';

export interface MenuInput {
  snapshot: TraySnapshot;
  settings: Settings;
  openAtLogin: boolean;
}

export const MENU_LIMITS = { running: 10, stopped: 8, images: 8 };

export function trayIconState(snapshot: Pick<TraySnapshot, 'status' | 'busy'>): TrayIconState {
  if (snapshot.status.state !== 'connected') return 'unreachable';
  return snapshot.busy.length > 0 ? 'busy' : 'running';
}

export function trayTooltip(snapshot: Pick<TraySnapshot, 'status' | 'busy'>): string {
  const busy = snapshot.busy[0];
  if (snapshot.status.state === 'connected' && busy) return `Porthole — ${busy.label}`;
  return `Porthole — ${statusLine(snapshot.status)}`;
}

export function statusLine(status: EngineStatus): string {
  if (status.state === 'connected') return `Docker Engine ${status.version} is running`;
  if (status.state === 'connecting') return 'Connecting to the Docker Engine…';
  return 'Docker Engine is not reachable';
}

/** The whole tray menu, built from the live state. Pure: same input, same menu. */
export function buildTrayMenu(input: MenuInput): MenuEntry[] {
  const { snapshot, settings } = input;
  const entries: MenuEntry[] = [info('engine-status', statusLine(snapshot.status))];
  if (snapshot.status.state === 'unavailable') {
    const retry = Math.max(1, Math.round(snapshot.status.retryInMs / 1000));
    entries.push(info('engine-reason', truncate(`${snapshot.status.reason} Retrying in ${retry} s.`, 80)));
  }
  for (const task of snapshot.busy) entries.push(info(`busy:${task.id}`, `⏳ ${truncate(task.label, 60)}`));
  entries.push(...enginesSection(snapshot.engines), separator());

  if (snapshot.status.state === 'connected') {
    entries.push(...projectsSection(snapshot.containers), ...containerSection(snapshot.containers), ...stoppedSection(snapshot.containers), imagesSection(snapshot.images, settings), separator());
  }

  entries.push(
    item('deploy', 'Deploy folder…', { type: 'show', view: 'deploy' }),
    item('dashboard', 'Open dashboard', { type: 'show', view: 'overview' }),
    separator(),
    {
      ...item('settings', 'Settings'),
      submenu: [
        checkbox('login', 'Start at login', input.openAtLogin, { type: 'toggle-login' }),
        checkbox('start-in-tray', 'Start in the tray (no window)', settings.startInTray, { type: 'toggle-setting', key: 'startInTray' }),
        checkbox('keep-in-tray', 'Keep running when the window closes', settings.keepRunningInTray, { type: 'toggle-setting', key: 'keepRunningInTray' }),
        separator(),
        info('notify-header', 'Notify me when'),
        checkbox('notify-exit', 'a container exits with an error', settings.notifications.containerExit, { type: 'toggle-setting', key: 'notifications.containerExit' }),
        checkbox('notify-deploy', 'a deploy finishes or fails', settings.notifications.deploy, { type: 'toggle-setting', key: 'notifications.deploy' }),
        checkbox('notify-engine', 'the Docker Engine goes away or comes back', settings.notifications.engine, { type: 'toggle-setting', key: 'notifications.engine' }),
      ],
    },
    separator(),
    item('quit', 'Quit Porthole', { type: 'quit' }),
  );
  return entries;
}

function containerSection(containers: ContainerSummary[]): MenuEntry[] {
  const running = containers.filter((c) => c.state === 'running' || c.state === 'restarting' || c.state === 'paused').sort(byName);
  if (running.length === 0) return [info('running-header', 'No containers are running')];
  const shown = running.slice(0, MENU_LIMITS.running);
  return [
    info('running-header', `Running containers (${running.length})`),
    ...shown.map((c) => ({ ...item(`container:${c.id}`, displayName(c)), submenu: containerSubmenu(c) })),
    ...(running.length > shown.length ? [more('running-more', running.length - shown.length, 'containers')] : []),
  ];
}

function containerSubmenu(c: ContainerSummary): MenuEntry[] {
  const open = publishedUrls(c).map((url) => item(`open:${c.id}:${url}`, `Open ${url.replace(/^http:\/\//, '')} in the browser`, { type: 'open-url', url }));
  return [
    info(`image:${c.id}`, truncate(`${c.image} — ${c.status}`, 60)),
    ...(open.length ? open : [info(`no-ports:${c.id}`, 'Publishes no ports')]),
    item(`logs:${c.id}`, 'Show logs', { type: 'show', view: 'containers', focusId: c.id }),
    item(`terminal:${c.id}`, 'Open terminal', { type: 'show', view: 'containers', focusId: `${c.id}/terminal` }),
    separator(),
    item(`restart:${c.id}`, 'Restart', { type: 'container', verb: 'restart', id: c.id, name: displayName(c) }),
    item(`stop:${c.id}`, 'Stop', { type: 'container', verb: 'stop', id: c.id, name: displayName(c) }),
  ];
}

function stoppedSection(containers: ContainerSummary[]): MenuEntry[] {
  const stopped = containers.filter((c) => c.state === 'exited' || c.state === 'created').sort((a, b) => b.createdMs - a.createdMs);
  if (stopped.length === 0) return [];
  const shown = stopped.slice(0, MENU_LIMITS.stopped);
  return [
    {
      ...item('stopped', `Stopped (${stopped.length})`),
      submenu: [
        info('stopped-header', 'Start again'),
        ...shown.map((c) => item(`start:${c.id}`, displayName(c), { type: 'container', verb: 'start', id: c.id, name: displayName(c) })),
        ...(stopped.length > shown.length ? [more('stopped-more', stopped.length - shown.length, 'containers')] : []),
      ],
    },
  ];
}

/** Images the user ran from Porthole first (most recent run first), then the newest tagged images. */
function imagesSection(images: ImageSummary[], settings: Settings): MenuItemModel {
  const tagged = images.flatMap((img) => img.tags.filter((t) => t !== '<none>:<none>').map((tag) => ({ tag, createdMs: img.createdMs })));
  const usedAt = (tag: string) => settings.lastRun[tag]?.usedAtMs ?? -1;
  const ordered = tagged.sort((a, b) => usedAt(b.tag) - usedAt(a.tag) || b.createdMs - a.createdMs || a.tag.localeCompare(b.tag));
  const shown = ordered.slice(0, MENU_LIMITS.images);
  const submenu: MenuEntry[] = shown.length
    ? [
        info('images-header', 'Start a new container from'),
        ...shown.map(({ tag }) => item(`run:${tag}`, settings.lastRun[tag] ? `${tag}  (last settings)` : tag, { type: 'run-image', image: tag })),
        ...(ordered.length > shown.length ? [more('images-more', ordered.length - shown.length, 'images')] : []),
      ]
    : [info('images-empty', 'No images yet: build or pull one')];
  return { ...item('images', 'Run image'), submenu };
}

/** http URLs of a container's published TCP ports, on a loopback address the user's browser can reach. */
export function publishedUrls(c: ContainerSummary): string[] {
  const urls = new Set<string>();
  for (const p of c.ports) {
    if (!p.publicPort || p.type !== 'tcp') continue;
    const host = !p.hostIp || p.hostIp === '0.0.0.0' || p.hostIp === '::' ? '127.0.0.1' : p.hostIp.includes(':') ? `[${p.hostIp}]` : p.hostIp;
    if (host === '127.0.0.1' || host === 'localhost' || host === '[::1]') urls.add(`http://${host}:${p.publicPort}`);
  }
  return [...urls].sort();
}

const displayName = (c: ContainerSummary): string => truncate(c.name || c.id.slice(0, 12), 48);
const byName = (a: ContainerSummary, b: ContainerSummary) => displayName(a).localeCompare(displayName(b));
const truncate = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const item = (id: string, label: string, action?: TrayAction): MenuItemModel => ({ kind: 'item', id, label, enabled: true, action });
const info = (id: string, label: string): MenuItemModel => ({ kind: 'item', id, label, enabled: false });
const checkbox = (id: string, label: string, checked: boolean, action: TrayAction): MenuItemModel => ({ ...item(id, label, action), checked });
const more = (id: string, hidden: number, view: string): MenuItemModel => item(id, `More… (${hidden} more in the dashboard)`, { type: 'show', view });
const separator = (): MenuEntry => ({ kind: 'separator' });

/** Depth-first search for an item by id (the test hook and the unit tests use it). */
export function findMenuItem(entries: MenuEntry[], id: string): MenuItemModel | undefined {
  for (const entry of entries) {
    if (entry.kind !== 'item') continue;
    if (entry.id === id) return entry;
    const inner = entry.submenu && findMenuItem(entry.submenu, id);
    if (inner) return inner;
  }
  return undefined;
}
