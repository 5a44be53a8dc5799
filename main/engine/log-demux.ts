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

/** Turns byte chunks of one stream into whole lines (UTF-8 safe); `end` yields a last unterminated line. */
export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Uint8Array): void {
    this.pending += this.decoder.decode(chunk, { stream: true });
    let newline = this.pending.indexOf('\n');
    while (newline !== -1) {
      this.onLine(this.pending.slice(0, newline).replace(/\r$/, ''));
      this.pending = this.pending.slice(newline + 1);
      newline = this.pending.indexOf('\n');
    }
  }

  end(): void {
    this.pending += this.decoder.decode();
    if (this.pending.length > 0) this.onLine(this.pending);
    this.pending = '';
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
