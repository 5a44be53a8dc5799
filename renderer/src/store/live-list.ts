/**
 * The renderer's one way to keep something read from the engine live: fetched once connected, fetched
 * again when an engine event touches it (the table in `shared/live-lists.ts`), and after every reconnect
 * (dockerd keeps only 256 events). Never polled. Requests are coalesced: a burst of events costs one,
 * and at most one is in flight, with one more queued behind it.
 */
import type { ApiError, Result } from '../../../shared/errors';
import { touches, type LiveListKey } from '../../../shared/live-lists';
import { engineConnected, onEngineEvent, onResync, onResyncAfterLists } from './wiring';

export interface LiveListState<T> {
  data: T;
  /** False until the first answer (a view shows "Loading…" rather than its empty state). */
  loaded: boolean;
  /** The last request's error; the data of the last good answer stays. */
  error: ApiError | null;
}

export interface LiveListOptions<T> {
  key: LiveListKey;
  load: () => Promise<Result<T>>;
  initial: T;
  /** The quiet window that merges a burst of events into one request. */
  delayMs?: number;
  /**
   * After a (re)connect: `first` re-lists with the list the user is looking at; `later` once those
   * answered (wiring's onResyncAfterLists), after `resyncDelayMs`.
   */
  resync?: 'first' | 'later';
  resyncDelayMs?: number;
  /**
   * For records that lag the events about them (a swarm task is "running" a moment after its container's
   * `start`): one more request this long after the last touching event.
   */
  settleMs?: number;
}

export class LiveList<T> {
  private state: LiveListState<T>;
  private readonly listeners = new Set<(state: LiveListState<T>) => void>();
  private detach: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private inFlight = false;
  private again = false;
  /** Bumped on stop, so an answer to a request from before is dropped. */
  private generation = 0;
  private waiters: (() => void)[] = [];
  private readonly delayMs: number;

  constructor(private readonly options: LiveListOptions<T>) {
    this.state = this.initialState();
    this.delayMs = options.delayMs ?? 150;
  }

  readonly current = (): LiveListState<T> => this.state;

  /**
   * The first listener makes the list live; when the last one leaves it stops following the engine and
   * forgets its data (the next engine may be another one).
   */
  readonly subscribe = (listener: (state: LiveListState<T>) => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.start();
    return () => {
      if (this.listeners.delete(listener) && this.listeners.size === 0) this.stop();
    };
  };

  /** Asks for the data again now (merged with one already due); resolves once an answer that started after the call arrived. */
  refresh(): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.schedule(0);
    });
  }

  private initialState(): LiveListState<T> {
    return { data: this.options.initial, loaded: false, error: null };
  }

  private start(): void {
    const { key, resync = 'first', resyncDelayMs = this.delayMs } = this.options;
    this.detach = [
      onEngineEvent((event) => {
        if (touches(key, event)) {
          this.schedule(this.delayMs);
          this.scheduleSettle();
        }
      }),
      (resync === 'first' ? onResync : onResyncAfterLists)(() => this.schedule(resyncDelayMs)),
    ];
    if (engineConnected()) this.schedule(0);
  }

  private stop(): void {
    for (const off of this.detach.splice(0)) off();
    if (this.timer) clearTimeout(this.timer);
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.timer = null;
    this.settleTimer = null;
    this.again = false;
    this.generation++;
    this.state = this.initialState();
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  private scheduleSettle(): void {
    const { settleMs } = this.options;
    if (settleMs === undefined) return;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      this.schedule(0);
    }, settleMs);
  }

  private schedule(delayMs: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, delayMs);
  }

  private async run(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    const waiters = this.waiters.splice(0);
    if (!engineConnected()) {
      for (const resolve of waiters) resolve();
      return;
    }
    this.inFlight = true;
    const generation = this.generation;
    try {
      const r = await this.options.load();
      if (generation === this.generation) this.update(r.ok ? { data: r.data, loaded: true, error: null } : { ...this.state, loaded: true, error: r.error });
    } finally {
      this.inFlight = false;
      for (const resolve of waiters) resolve();
      if (this.again) {
        this.again = false;
        this.schedule(this.delayMs);
      }
    }
  }

  private update(state: LiveListState<T>): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}
