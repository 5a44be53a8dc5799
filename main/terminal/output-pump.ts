import type { Duplex } from 'node:stream';

const FLUSH_BYTES = 64 * 1024;
/**
 * Output arriving within this long of the previous message waits for the window to close, so a firehose goes
 * out as at most one message per window instead of one per read (a TTY hands over a few bytes per read when
 * the program writes line by line); output after a quiet spell — a keystroke's echo — goes out at once.
 */
export const BATCH_MS = 8;
/** Output stops being read while the terminal is this far behind; the program then blocks on its writes. */
const PAUSE_AT = 2 * 1024 * 1024;
const RESUME_AT = 512 * 1024;

/**
 * Carries a TTY's bytes out: chunks are coalesced (at most one message per `BATCH_MS` while output keeps
 * coming, at most 64 KiB each), and reading pauses while the renderer's acknowledgements lag behind.
 */
export class OutputPump {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private timer: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;
  private lastFlush = -Infinity;
  private sent = 0;
  private acked = 0;
  private paused = false;

  constructor(
    private readonly socket: Duplex,
    private readonly send: (base64: string) => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    socket.on('data', (chunk: Buffer) => this.push(chunk));
  }

  private push(chunk: Buffer): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
    else if (!this.timer && !this.immediate) {
      const wait = this.lastFlush + BATCH_MS - this.now();
      // setImmediate still gathers whatever else this turn of the event loop read.
      if (wait <= 0) this.immediate = setImmediate(() => this.flush());
      else this.timer = setTimeout(() => this.flush(), wait);
    }
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
    if (this.pendingBytes === 0) return;
    const bytes = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    this.lastFlush = this.now();
    this.sent += bytes.length;
    this.send(bytes.toString('base64'));
    if (!this.paused && this.sent - this.acked > PAUSE_AT) {
      this.paused = true;
      this.socket.pause();
    }
  }

  ack(bytes: number): void {
    this.acked = Math.max(this.acked, Math.min(bytes, this.sent));
    if (this.paused && this.sent - this.acked < RESUME_AT) {
      this.paused = false;
      this.socket.resume();
    }
  }

  /** Drops what is waiting and any scheduled send (the session is over). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
  }
}
