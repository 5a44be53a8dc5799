import { EventEmitter } from 'node:events';
import type { EngineEntry } from '../../shared/api/engines';
import type { ContainerSummary, EngineEvent, EngineStatus, ImageSummary } from '../../shared/dto';
import type { EngineRegistry } from '../engines/engine-registry';
import type { EngineConnection } from '../engine/connection';
import type { ContainerService } from '../containers/container-service';
import type { ImageService } from '../images/image-service';
import { touches } from '../../shared/live-lists';

/** What the tray shows, as plain data. */
export interface TraySnapshot {
  status: EngineStatus;
  containers: ContainerSummary[];
  images: ImageSummary[];
  /** Every engine Porthole knows, with its status and which one is in use (the "Engine" submenu). */
  engines: EngineEntry[];
  /** Long work in progress (builds, deploys), by task id → what the user would call it. */
  busy: { id: string; label: string }[];
}

interface TrayStateEvents {
  change: [TraySnapshot];
}

type Lister<T> = () => Promise<T[]>;

/**
 * The tray's live state, driven by the engine's events (no polling): a full re-list after each
 * (re)connect, and a re-list of containers or images when an event says they changed (the one table
 * in shared/live-lists.ts). Re-lists that would overlap are merged into one that runs right after the
 * current one.
 */
export class TrayState extends EventEmitter<TrayStateEvents> {
  private snapshot: TraySnapshot;
  private readonly busy = new Map<string, string>();
  private readonly refreshers: { containers: Refresher<ContainerSummary>; images: Refresher<ImageSummary>; engines: Refresher<EngineEntry> };
  private readonly detach: (() => void)[] = [];

  constructor(
    private readonly connection: EngineConnection,
    services: { containers: Pick<ContainerService, 'list'>; images: Pick<ImageService, 'list'>; engines?: Pick<EngineRegistry, 'list'> },
  ) {
    super();
    this.snapshot = { status: connection.status, containers: [], images: [], engines: [], busy: [] };
    const engines = services.engines;
    this.refreshers = {
      containers: new Refresher(() => services.containers.list(true), (containers) => this.update({ containers })),
      images: new Refresher(() => services.images.list(), (images) => this.update({ images })),
      engines: new Refresher(async () => (engines ? (await engines.list()).engines : []), (list) => this.update({ engines: list })),
    };
  }

  get current(): TraySnapshot {
    return this.snapshot;
  }

  start(): void {
    const onStatus = (status: EngineStatus) => {
      const wasConnected = this.snapshot.status.state === 'connected';
      this.update(status.state === 'connected' ? { status } : { status, containers: [], images: [] });
      if (status.state === 'connected' && !wasConnected) this.refreshAll();
      // A switch, a drop or a reconnect changes which engine is in use or how it answers.
      if (status.state !== 'connecting') this.refreshers.engines.request();
    };
    const onEvent = (event: EngineEvent) => {
      if (touches('containers', event)) this.refreshers.containers.request();
      if (touches('images', event)) this.refreshers.images.request();
    };
    this.connection.on('status', onStatus);
    this.connection.on('event', onEvent);
    this.detach.push(() => this.connection.off('status', onStatus), () => this.connection.off('event', onEvent));
    if (this.connection.status.state === 'connected') this.refreshAll();
    this.refreshers.engines.request();
  }

  stop(): void {
    for (const fn of this.detach.splice(0)) fn();
  }

  /** Marks long work as running (the icon shows "busy" while any is). Returns the function that ends it. */
  beginTask(id: string, label: string): () => void {
    this.busy.set(id, label);
    this.update({});
    return () => this.endTask(id);
  }

  endTask(id: string): void {
    if (this.busy.delete(id)) this.update({});
  }

  private refreshAll(): void {
    this.refreshers.containers.request();
    this.refreshers.images.request();
  }

  private update(patch: Partial<Omit<TraySnapshot, 'busy'>>): void {
    this.snapshot = { ...this.snapshot, ...patch, busy: [...this.busy].map(([id, label]) => ({ id, label })) };
    this.emit('change', this.snapshot);
  }
}

/** Runs `list` now, or once more after the run in flight; a failed list keeps the last good data. */
class Refresher<T> {
  private running = false;
  private again = false;

  constructor(
    private readonly list: Lister<T>,
    private readonly apply: (items: T[]) => void,
  ) {}

  request(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.run();
  }

  private async run(): Promise<void> {
    do {
      this.again = false;
      try {
        this.apply(await this.list());
      } catch {
        // The engine went away mid-list; the status change that follows clears the lists.
      }
    } while (this.again);
    this.running = false;
  }
}
