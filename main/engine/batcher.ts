/**
 * Collects items and hands them on at most once per `intervalMs`, so a chatty stream costs one
 * message per interval instead of one per chunk. `maxItems` flushes early to bound memory.
 */
export class Batcher<T> {
  private items: T[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly emit: (items: T[]) => void,
    private readonly intervalMs: number,
    private readonly maxItems = 10_000,
  ) {}

  push(item: T): void {
    this.items.push(item);
    if (this.items.length >= this.maxItems) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), this.intervalMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.items.length === 0) return;
    const out = this.items;
    this.items = [];
    this.emit(out);
  }

  /** Drops whatever is pending (the stream was cancelled). */
  discard(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.items = [];
  }
}
