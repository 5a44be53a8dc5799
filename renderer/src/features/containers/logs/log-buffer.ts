import type { LogBatch, LogLine } from '../../../../../shared/api/containers';
import { decodeLogBatch, encodeLogBatch, lineEnds, lineTimes } from '../../../../../shared/log-batch';

/** The most lines a log view keeps; older lines fall off the top, so an endless printer cannot exhaust memory or freeze the view. */
export const LOG_BUFFER_CAP = 50_000;

/**
 * Lines kept as one string per batch plus line ends, not an object and a string per line: a firehose keeps
 * 50,000 lines alive, and V8's young-generation collection copies every surviving object one by one; with
 * an object per line those collections ran 20–75 ms under load (B6a).
 */
interface Chunk {
  /** Global index (counted from the stream's first line) of the chunk's first line. */
  first: number;
  /** The lines joined by "\n"; `ends[i]` is where line i stops (line i+1 starts one further). */
  text: string;
  ends: number[];
  /** 1 for stderr, 0 for stdout. */
  stderr: number[];
  /** NaN where the engine gave no time. */
  times: number[];
  truncated: Set<number> | null;
  /** `text` lower-cased, made by the first search and dropped when the chunk grows (a search reruns per redraw). */
  lower: string | null;
}

/** A batch this small is added to the last chunk (while that stays small) so a slow printer does not make one chunk a line. */
const SMALL_CHUNK = 512;

/**
 * A bounded, append-only window onto a log stream. Lines are addressed by their index in the
 * window; `dropped` counts how many fell off the top since the stream began.
 */
export class LogBuffer {
  private chunks: Chunk[] = [];
  /** Global index one past the newest line. */
  private end = 0;
  dropped = 0;
  /** Bumped on every change, so a view can tell it must re-render. */
  version = 0;

  constructor(readonly cap = LOG_BUFFER_CAP) {}

  get length(): number {
    return this.end - this.dropped;
  }

  at(index: number): LogLine | undefined {
    if (index < 0 || index >= this.length) return undefined;
    const global = this.dropped + index;
    const chunk = this.chunkOf(global);
    const i = global - chunk.first;
    const line: LogLine = { stream: chunk.stderr[i] ? 'stderr' : 'stdout', text: this.lineText(chunk, i) };
    if (!Number.isNaN(chunk.times[i])) line.timeMs = chunk.times[i];
    if (chunk.truncated?.has(i)) line.truncated = true;
    return line;
  }

  append(batch: LogBatch): void {
    if (batch.count === 0) return;
    // Only the newest `cap` lines of a batch can stay (a rare, small cap: decoding the batch is fine then).
    const kept = batch.count > this.cap ? encodeLogBatch(decodeLogBatch(batch).slice(batch.count - this.cap)) : batch;
    const skipped = batch.count - kept.count;
    this.end += skipped;
    this.dropped += skipped;
    const last = this.chunks.at(-1);
    if (last && skipped === 0 && last.ends.length < SMALL_CHUNK && kept.count < SMALL_CHUNK) this.extend(last, kept);
    else this.chunks.push(this.extend({ first: this.end, text: '', ends: [], stderr: [], times: [], truncated: null, lower: null }, kept));
    this.end += kept.count;
    const over = this.length - this.cap;
    if (over > 0) this.dropped += over;
    while (this.chunks.length > 0 && this.chunks[0].first + this.chunks[0].ends.length <= this.dropped) this.chunks.shift();
    this.version++;
  }

  clear(): void {
    this.chunks = [];
    this.end = 0;
    this.dropped = 0;
    this.version++;
  }

  /** Indices of the lines containing `query` (case-insensitive); empty for an empty query. */
  search(query: string): number[] {
    const needle = query.toLowerCase();
    if (!needle) return [];
    const hits: number[] = [];
    for (const chunk of this.chunks) {
      const from = Math.max(0, this.dropped - chunk.first);
      const lower = (chunk.lower ??= chunk.text.toLowerCase());
      if (lower.length !== chunk.text.length) {
        // A character whose lower case has another length: positions no longer line up, so look line by line.
        for (let i = from; i < chunk.ends.length; i++) if (this.lineText(chunk, i).toLowerCase().includes(needle)) hits.push(chunk.first + i - this.dropped);
        continue;
      }
      let i = from;
      let at = lower.indexOf(needle, i === 0 ? 0 : chunk.ends[i - 1] + 1);
      while (at !== -1 && i < chunk.ends.length) {
        while (i < chunk.ends.length && chunk.ends[i] < at + needle.length) i++;
        if (i === chunk.ends.length) break;
        const lineStart = i === 0 ? 0 : chunk.ends[i - 1] + 1;
        if (at >= lineStart) {
          hits.push(chunk.first + i - this.dropped);
          i++;
          if (i === chunk.ends.length) break;
          at = lower.indexOf(needle, chunk.ends[i - 1] + 1);
        } else {
          // The match ran across a line break: look again from this line's start.
          at = lower.indexOf(needle, lineStart);
        }
      }
    }
    return hits;
  }

  /** The window as plain text, as `docker logs -t` would print it. */
  toText(withTimestamps: boolean): string {
    const out: string[] = [];
    for (const chunk of this.chunks) {
      for (let i = Math.max(0, this.dropped - chunk.first); i < chunk.ends.length; i++) {
        const text = this.lineText(chunk, i);
        out.push(withTimestamps && !Number.isNaN(chunk.times[i]) ? `${new Date(chunk.times[i]).toISOString()} ${text}` : text);
      }
    }
    return out.join('\n') + '\n';
  }

  private extend(chunk: Chunk, batch: LogBatch): Chunk {
    const base = chunk.ends.length;
    const offset = base > 0 ? chunk.text.length + 1 : 0;
    for (const end of lineEnds(batch)) chunk.ends.push(offset + end);
    const times = lineTimes(batch);
    for (let i = 0; i < batch.count; i++) {
      chunk.stderr.push(0);
      chunk.times.push(times[i]);
    }
    for (const i of batch.stderr ?? []) chunk.stderr[base + i] = 1;
    for (const i of batch.truncated ?? []) (chunk.truncated ??= new Set()).add(base + i);
    chunk.text = base > 0 ? `${chunk.text}\n${batch.text}` : batch.text;
    chunk.lower = null;
    return chunk;
  }

  private lineText(chunk: Chunk, i: number): string {
    return chunk.text.slice(i === 0 ? 0 : chunk.ends[i - 1] + 1, chunk.ends[i]);
  }

  /** The chunk holding a global line index (binary search: chunks are in order). */
  private chunkOf(global: number): Chunk {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.chunks[mid].first <= global) lo = mid;
      else hi = mid - 1;
    }
    return this.chunks[lo];
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
