/**
 * Splits the engine's multiplexed log stream (non-TTY containers): each frame is an 8-byte header
 * [stream, 0, 0, 0, size uint32 BE] followed by `size` bytes. Frames may be split across chunks at any byte.
 */
export type StdStream = 'stdin' | 'stdout' | 'stderr';

const STREAMS: Record<number, StdStream> = { 0: 'stdin', 1: 'stdout', 2: 'stderr' };

export class LogDemuxer {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly onFrame: (stream: StdStream, payload: Buffer) => void) {}

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    let offset = 0;
    while (this.buffer.length - offset >= 8) {
      const size = this.buffer.readUInt32BE(offset + 4);
      if (this.buffer.length - offset < 8 + size) break;
      const stream = STREAMS[this.buffer[offset]] ?? 'stdout';
      this.onFrame(stream, this.buffer.subarray(offset + 8, offset + 8 + size));
      offset += 8 + size;
    }
    this.buffer = offset === 0 ? this.buffer : Buffer.from(this.buffer.subarray(offset));
  }
}

/** Longest line kept (characters); the rest of a longer line is dropped and the line marked truncated. */
export const MAX_LINE_CHARS = 64 * 1024;

/**
 * Turns byte chunks of one stream into whole lines (UTF-8 safe); `end` yields a last unterminated line.
 * Linear in the input: each chunk is scanned once, and a line without a newline is capped at
 * `maxChars` (the rest is dropped until the next newline) instead of growing without limit.
 */
export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8');
  private pending: string[] = [];
  private pendingLength = 0;
  private truncated = false;

  constructor(
    private readonly onLine: (line: string, truncated: boolean) => void,
    private readonly maxChars = MAX_LINE_CHARS,
  ) {}

  push(chunk: Uint8Array): void {
    const text = this.decoder.decode(chunk, { stream: true });
    let start = 0;
    let newline = text.indexOf('\n', start);
    while (newline !== -1) {
      this.keep(text.slice(start, newline));
      this.emit(true);
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    if (start < text.length) this.keep(text.slice(start));
  }

  end(): void {
    this.keep(this.decoder.decode());
    if (this.pendingLength > 0 || this.truncated) this.emit(false);
  }

  private keep(piece: string): void {
    const room = this.maxChars - this.pendingLength;
    if (piece.length > room) this.truncated = true;
    const kept = piece.length > room ? piece.slice(0, Math.max(0, room)) : piece;
    if (kept.length === 0) return;
    this.pending.push(kept);
    this.pendingLength += kept.length;
  }

  private emit(stripCr: boolean): void {
    const line = this.pending.join('');
    this.onLine(stripCr && !this.truncated ? line.replace(/\r$/, '') : line, this.truncated);
    this.pending = [];
    this.pendingLength = 0;
    this.truncated = false;
  }
}

/** Splits the RFC3339Nano prefix the engine adds with `timestamps=true`. */
export function splitTimestamp(line: string): { timeMs?: number; text: string } {
  const space = line.indexOf(' ');
  if (space < 20 || space > 40) return { text: line };
  const stamp = line.slice(0, space);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(stamp)) return { text: line };
  const ms = Date.parse(stamp);
  return Number.isNaN(ms) ? { text: line } : { timeMs: ms, text: line.slice(space + 1) };
}
