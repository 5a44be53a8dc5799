import type { EngineEvent, EngineStatus } from '../../shared/dto';
import type { NotificationKind, Settings } from '../settings/store';
import type { TrayAction } from '../tray/menu-model';
import { Coalescer, type Timers } from './coalescer';

export interface NotificationSpec {
  kind: NotificationKind;
  title: string;
  body: string;
  /** What clicking the notification does. */
  action?: TrayAction;
}

/** What the deploy feature reports when a deploy ends (call `notifier.notifyDeploy(result)`). */
export interface DeployResult {
  /** The app or folder name the user would recognise. */
  name: string;
  ok: boolean;
  /** On failure, what went wrong, in words. */
  message?: string;
  /** On success, where the app answers (opened on click). */
  url?: string;
  /** The container to show (its logs) on click. */
  containerId?: string;
}

interface ExitItem {
  id: string;
  name: string;
  exitCode: string;
}
type EngineItem = 'lost' | 'back';
type Item = ExitItem | EngineItem | DeployResult;

/** A stop, kill or removal the user asked for sends `kill` before `die`: those exits are not news. */
const REQUESTED_EXIT_WINDOW_MS = 60_000;

export interface NotifierOptions {
  settings: () => Settings;
  show: (spec: NotificationSpec) => void;
  windowMs?: number;
  timers?: Timers;
  now?: () => number;
}

/**
 * Turns engine events, status changes and deploy results into few, useful notifications: a container
 * that exited on its own with a non-zero code, a deploy that finished or failed, the engine going away
 * or coming back. Bursts are coalesced per kind; each kind can be switched off in the settings.
 */
export class Notifier {
  private readonly coalescer: Coalescer<NotificationKind, Item>;
  private readonly killedAt = new Map<string, number>();
  private lastState: EngineStatus['state'] | null = null;
  private everConnected = false;
  private readonly now: () => number;

  constructor(private readonly options: NotifierOptions) {
    this.now = options.now ?? Date.now;
    this.coalescer = new Coalescer(options.windowMs ?? 2000, (kind, items) => this.flush(kind, items), options.timers);
  }

  handleEvent(event: EngineEvent): void {
    if (event.type !== 'container') return;
    if (event.action === 'kill') {
      this.killedAt.set(event.id, this.now());
      return;
    }
    if (event.action === 'destroy') {
      this.killedAt.delete(event.id);
      return;
    }
    if (event.action !== 'die') return;
    const killed = this.killedAt.get(event.id);
    this.killedAt.delete(event.id);
    if (killed !== undefined && this.now() - killed < REQUESTED_EXIT_WINDOW_MS) return;
    const exitCode = event.attributes.exitCode ?? '';
    if (exitCode === '0' || exitCode === '') return;
    this.add('containerExit', { id: event.id, name: event.attributes.name ?? event.id.slice(0, 12), exitCode });
  }

  handleStatus(status: EngineStatus): void {
    const previous = this.lastState;
    this.lastState = status.state;
    if (status.state === 'connected') {
      if (this.everConnected && previous !== 'connected') this.add('engine', 'back');
      this.everConnected = true;
    } else if (status.state === 'unavailable' && previous === 'connected') {
      this.add('engine', 'lost');
    }
  }

  /** For the deploy feature: call once per finished or failed deploy. */
  notifyDeploy(result: DeployResult): void {
    this.add('deploy', result);
  }

  /** Delivers anything still pending (call on quit). */
  flushAll(): void {
    this.coalescer.flushAll();
  }

  dispose(): void {
    this.coalescer.clear();
  }

  private add(kind: NotificationKind, item: Item): void {
    if (!this.options.settings().notifications[kind]) return;
    this.coalescer.add(kind, item);
  }

  private flush(kind: NotificationKind, items: Item[]): void {
    if (!this.options.settings().notifications[kind]) return;
    const spec =
      kind === 'containerExit' ? exitNotification(items as ExitItem[]) : kind === 'engine' ? engineNotification(items as EngineItem[]) : deployNotification(items as DeployResult[]);
    if (spec) this.options.show(spec);
  }
}

export function exitNotification(items: ExitItem[]): NotificationSpec {
  const [first] = items;
  if (items.length === 1) {
    return {
      kind: 'containerExit',
      title: `${first.name} exited with code ${first.exitCode}`,
      body: 'Click to see its logs.',
      action: { type: 'show', view: 'containers', focusId: first.id },
    };
  }
  const names = [...new Set(items.map((i) => i.name))];
  const listed = names.slice(0, 3).join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '');
  return {
    kind: 'containerExit',
    title: `${items.length} containers exited`,
    body: `${listed} stopped with an error. Click to see your containers.`,
    action: { type: 'show', view: 'containers' },
  };
}

export function engineNotification(items: EngineItem[]): NotificationSpec | null {
  const first = items[0];
  const last = items[items.length - 1];
  if (first === 'lost' && last === 'back') {
    return { kind: 'engine', title: 'Docker Engine reconnected', body: 'The connection dropped for a moment and is back.', action: { type: 'show', view: 'overview' } };
  }
  if (last === 'lost') {
    return { kind: 'engine', title: 'Docker Engine went away', body: 'Porthole keeps trying to reconnect. Start Docker if it stopped.', action: { type: 'show', view: 'overview' } };
  }
  return { kind: 'engine', title: 'Docker Engine is back', body: 'Porthole is connected again.', action: { type: 'show', view: 'overview' } };
}

export function deployNotification(items: DeployResult[]): NotificationSpec {
  if (items.length === 1) {
    const [r] = items;
    if (r.ok) {
      return {
        kind: 'deploy',
        title: `${r.name} is deployed`,
        body: r.url ? `It answers at ${r.url}. Click to open it.` : 'Click to see it in Porthole.',
        action: r.url ? { type: 'open-url', url: r.url } : { type: 'show', view: 'deploy' },
      };
    }
    return {
      kind: 'deploy',
      title: `Deploying ${r.name} failed`,
      body: `${r.message ?? 'The deploy did not finish.'} Click for details.`,
      action: r.containerId ? { type: 'show', view: 'containers', focusId: r.containerId } : { type: 'show', view: 'deploy' },
    };
  }
  const failed = items.filter((r) => !r.ok).length;
  return {
    kind: 'deploy',
    title: failed ? `${items.length} deploys finished, ${failed} failed` : `${items.length} deploys finished`,
    body: 'Click to see them in Porthole.',
    action: { type: 'show', view: 'deploy' },
  };
}
