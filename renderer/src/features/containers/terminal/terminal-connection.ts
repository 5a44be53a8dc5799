import type { TerminalEvent, TerminalSessionOptions } from '../../../../../shared/api/terminal';
import type { ApiError } from '../../../../../shared/errors';
import { openDuplex, type Duplex } from '../../../bridge/duplex';
import { base64ToBytes, bytesToBase64 } from '../../../lib/base64';

/** Input above this is sent in pieces (the contract's limit is 64 KiB a message). */
const INPUT_PIECE = 32 * 1024;
/** Tell the host what has been drawn every this many bytes, so it keeps sending. */
const ACK_EVERY = 256 * 1024;

export type TerminalOptions = TerminalSessionOptions;

export interface TerminalSink {
  /** Raw bytes: the terminal decodes UTF-8 across chunk boundaries itself. `done` fires once drawn. */
  write(bytes: Uint8Array, done: () => void): void;
  ready(shell: string): void;
  exit(code: number | null): void;
  failed(error: ApiError): void;
}

/** One terminal session over the duplex stream: input in bounded pieces, resizes, and flow-control acks. */
export class TerminalConnection {
  private readonly duplex: Duplex<'terminal:session'>;
  private drawn = 0;
  private acked = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: TerminalOptions, sink: TerminalSink) {
    this.duplex = openDuplex('terminal:session', options, (message) => {
      if (message.kind === 'error') sink.failed(message.error);
      if (message.kind !== 'data') return;
      const event: TerminalEvent = message.data;
      if (event.t === 'ready') sink.ready(event.shell);
      else if (event.t === 'exit') sink.exit(event.exitCode);
      else {
        const bytes = base64ToBytes(event.base64);
        sink.write(bytes, () => this.drew(bytes.length));
      }
    });
  }

  private drew(n: number): void {
    this.drawn += n;
    if (this.drawn - this.acked >= ACK_EVERY) {
      this.acked = this.drawn;
      void this.duplex.send({ t: 'ack', bytes: this.drawn });
    }
  }

  input(data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    for (let i = 0; i < bytes.length; i += INPUT_PIECE) {
      const piece = bytesToBase64(bytes.subarray(i, i + INPUT_PIECE));
      // Pieces of a big paste wait for each other; keystrokes go out at once (the bridge keeps order).
      if (bytes.length > INPUT_PIECE) this.queue = this.queue.then(() => this.duplex.send({ t: 'input', base64: piece }));
      else void this.duplex.send({ t: 'input', base64: piece });
    }
  }

  resize(cols: number, rows: number): void {
    void this.duplex.send({ t: 'resize', cols, rows });
  }

  close(): void {
    this.duplex.close();
  }
}
