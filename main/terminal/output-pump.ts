import type { Duplex } from 'node:stream';

const FLUSH_BYTES = 64 * 1024;
/** Output stops being read while the terminal is this far behind; the program then blocks on its writes. */
const PAUSE_AT = 2 * 1024 * 1024;
const RESUME_AT = 512 * 1024;

/**
 * Carries a TTY's bytes out: chunks arriving together are coalesced (one message per turn of the event
 * loop, at most 64 KiB), and reading pauses while the renderer's acknowledgements lag behind.
 */
export class OutputPump {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private scheduled = false;
  private sent = 0;
  private acked = 0;
  private paused = false;

  constructor(
    private readonly socket: Duplex,
    private readonly send: (base64: string) => void,
  ) {
    socket.on('data', (chunk: Buffer) => this.push(chunk));
  }

  private push(chunk: Buffer): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  flush(): void {
    this.scheduled = false;
    if (this.pendingBytes === 0) return;
    const bytes = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
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
}
