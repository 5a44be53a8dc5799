/**
 * Merges the timestamped log lines of several containers into one time-ordered stream. Each container's
 * lines arrive in order but the containers' streams race each other, so lines are held for a short
 * window and released sorted by the engine's timestamp (arrival order breaks ties).
 */
export interface Timed {
  timeMs: number;
}

interface Held<T> {
  line: T;
  arrivedMs: number;
  seq: number;
}

export class LogMerger<T extends Timed> {
  private held: Held<T>[] = [];
  private seq = 0;

  constructor(private readonly holdMs = 150) {}

  push(line: T, now = Date.now()): void {
    this.held.push({ line, arrivedMs: now, seq: this.seq++ });
  }

  get size(): number {
    return this.held.length;
  }

  /** Lines that have waited out the window (all of them when `everything`), oldest timestamp first. */
  drain(now = Date.now(), everything = false): T[] {
    if (this.held.length === 0) return [];
    const cutoff = now - this.holdMs;
    const ready = everything ? this.held : this.held.filter((h) => h.arrivedMs <= cutoff);
    if (ready.length === 0) return [];
    // Anything held that is older than a ready line goes out with it, so the output never steps back in time.
    const newestReady = Math.max(...ready.map((h) => h.line.timeMs));
    const out = everything ? this.held : this.held.filter((h) => h.arrivedMs <= cutoff || h.line.timeMs <= newestReady);
    this.held = everything ? [] : this.held.filter((h) => !(h.arrivedMs <= cutoff || h.line.timeMs <= newestReady));
    return out.sort((a, b) => a.line.timeMs - b.line.timeMs || a.seq - b.seq).map((h) => h.line);
  }
}

/** Sorts finished lists of lines (one per container) into one, by time; stable for equal times. */
export function mergeByTime<T extends Timed>(lists: T[][]): T[] {
  const merger = new LogMerger<T>(0);
  for (const list of lists) for (const line of list) merger.push(line, 0);
  return merger.drain(0, true);
}
