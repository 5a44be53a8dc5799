import type { LogLine } from '../../../../../shared/api/containers';

/** The most lines a log view keeps; older lines fall off the top, so an endless printer cannot exhaust memory or freeze the view. */
export const LOG_BUFFER_CAP = 50_000;

/**
 * A bounded, append-only window onto a log stream. Lines are addressed by their index in the
 * window; `dropped` counts how many fell off the top since the stream began.
 */
export class LogBuffer {
  /** Lines before `start` have fallen off the top; they are cut away in bulk, not one batch at a time. */
  private lines: LogLine[] = [];
  private start = 0;
  dropped = 0;
  /** Bumped on every change, so a view can tell it must re-render. */
  version = 0;

  constructor(readonly cap = LOG_BUFFER_CAP) {}

  get length(): number {
    return this.lines.length - this.start;
  }

  at(index: number): LogLine | undefined {
    return index < 0 ? undefined : this.lines[this.start + index];
  }

  append(batch: readonly LogLine[]): void {
    if (batch.length === 0) return;
    for (const line of batch) this.lines.push(line);
    const over = this.length - this.cap;
    if (over > 0) {
      this.start += over;
      this.dropped += over;
      // Shifting 50,000 lines for every 1,000-line batch was most of a firehose's append time (B6); cutting once
      // half a window has fallen off keeps the copy rare and memory under one and a half windows.
      if (this.start >= this.cap / 2) {
        this.lines = this.lines.slice(this.start);
        this.start = 0;
      }
    }
    this.version++;
  }

  clear(): void {
    this.lines = [];
    this.start = 0;
    this.dropped = 0;
    this.version++;
  }

  /** Indices of the lines containing `query` (case-insensitive); empty for an empty query. */
  search(query: string): number[] {
    const needle = query.toLowerCase();
    if (!needle) return [];
    const hits: number[] = [];
    for (let i = this.start; i < this.lines.length; i++) if (this.lines[i].text.toLowerCase().includes(needle)) hits.push(i - this.start);
    return hits;
  }

  /** The window as plain text, as `docker logs -t` would print it. */
  toText(withTimestamps: boolean): string {
    return (
      this.lines
        .slice(this.start)
        .map((l) => (withTimestamps && l.timeMs !== undefined ? `${new Date(l.timeMs).toISOString()} ${l.text}` : l.text))
        .join('\n') + '\n'
    );
  }
}

/** Splits `text` around case-insensitive matches of `query`, for highlighting. */
export function splitMatches(text: string, query: string): { text: string; match: boolean }[] {
  if (!query) return [{ text, match: false }];
  const lower = text.toLowerCase();
  const needle = query.toLowerCase();
  const parts: { text: string; match: boolean }[] = [];
  let from = 0;
  let at = lower.indexOf(needle);
  while (at !== -1) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
    at = lower.indexOf(needle, from);
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}
