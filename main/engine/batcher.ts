/** A bound on a batch's size by a measure of its own (say, characters), besides the count of items. */
export interface BatchWeight<T> {
  weigh: (item: T) => number;
  max: number;
}

/**
 * Collects items and hands them on at most once per `intervalMs`, so a chatty stream costs one
 * message per interval instead of one per chunk. `maxItems` (and `weight`) flush early to bound memory.
 */
export class Batcher<T> {
  private items: T[] = [];
  private weight = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly emit: (items: T[]) => void,
    private readonly intervalMs: number,
    private readonly maxItems = 10_000,
    private readonly bound?: BatchWeight<T>,
  ) {}

  push(item: T): void {
    this.items.push(item);
    if (this.bound) this.weight += this.bound.weigh(item);
    if (this.items.length >= this.maxItems || (this.bound && this.weight >= this.bound.max)) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), this.intervalMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.items.length === 0) return;
    const out = this.items;
    this.items = [];
    this.weight = 0;
    this.emit(out);
  }

  /** Drops whatever is pending (the stream was cancelled). */
  discard(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.items = [];
    this.weight = 0;
  }
}
