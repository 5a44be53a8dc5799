export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Gathers items per key for a fixed window that starts with the first item, then hands the whole
 * batch to `flush` once. A burst (20 containers dying within 2 s) becomes one call; a steady stream
 * becomes at most one call per window, never one per item.
 */
export class Coalescer<K, T> {
  private readonly pending = new Map<K, { items: T[]; timer: unknown }>();

  constructor(
    private readonly windowMs: number,
    private readonly flush: (key: K, items: T[]) => void,
    private readonly timers: Timers = realTimers,
  ) {}

  add(key: K, item: T): void {
    const batch = this.pending.get(key);
    if (batch) {
      batch.items.push(item);
      return;
    }
    const timer = this.timers.setTimeout(() => this.flushKey(key), this.windowMs);
    this.pending.set(key, { items: [item], timer });
  }

  /** Delivers everything pending now (on quit, so nothing is lost silently). */
  flushAll(): void {
    for (const key of [...this.pending.keys()]) this.flushKey(key);
  }

  /** Drops everything pending without delivering it. */
  clear(): void {
    for (const { timer } of this.pending.values()) this.timers.clearTimeout(timer);
    this.pending.clear();
  }

  private flushKey(key: K): void {
    const batch = this.pending.get(key);
    if (!batch) return;
    this.timers.clearTimeout(batch.timer);
    this.pending.delete(key);
    this.flush(key, batch.items);
  }
}
