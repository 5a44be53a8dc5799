import WebSocket from 'ws';
import type { StreamMessage } from '../../shared/api/contract';
import type { ClientMessage, ServerMessage } from '../../shared/wire';
import { startServedHost, stopServedHost, type ServedHost } from '../../test/support/served-host';

export type Served = ServedHost & { pid: number; stop(): Promise<void> };

/** Starts the browser host exactly as `npm run serve` does (built CLI), on a free port, with a throw-away data folder. */
export async function startServed(): Promise<Served> {
  const host = await startServedHost({}, 'porthole-bench-data-');
  return { ...host, pid: host.process.pid!, stop: () => stopServedHost(host, 5000) };
}

/** A minimal client of the browser host's WebSocket API (what the renderer's bridge does). */
export class WsClient {
  private next = 0;
  private readonly pending = new Map<number, (r: unknown) => void>();
  private readonly streams = new Map<string, (m: StreamMessage<unknown>) => void>();
  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as ServerMessage;
      if (msg.t === 'result') {
        this.pending.get(msg.id)?.(msg.result);
        this.pending.delete(msg.id);
      } else if (msg.t === 'stream') {
        this.streams.get(msg.id)?.(msg.message);
      }
    });
  }

  /** Opens a stream and resolves with every data message once it ends (rejects on its error). */
  stream(channel: string, params: unknown, onData: (data: unknown) => void = () => {}): Promise<void> {
    const id = `b${++this.next}`;
    return new Promise((resolve, reject) => {
      this.streams.set(id, (m) => {
        if (m.kind === 'data') onData(m.data);
        else {
          this.streams.delete(id);
          if (m.kind === 'end') resolve();
          else reject(new Error(JSON.stringify(m.error)));
        }
      });
      this.send({ t: 'subscribe', id, channel, params });
    });
  }

  static async connect(served: Pick<ServedHost, 'port' | 'token'>): Promise<WsClient> {
    const origin = `http://127.0.0.1:${served.port}`;
    const ws = new WebSocket(`ws://127.0.0.1:${served.port}/ws?token=${served.token}`, { headers: { Origin: origin } });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    return new WsClient(ws);
  }

  invoke(channel: string, input: unknown): Promise<{ ok: boolean; data?: unknown; error?: unknown }> {
    const id = ++this.next;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (r: unknown) => void);
      this.send({ t: 'invoke', id, channel, input });
    });
  }

  private send(message: ClientMessage): void {
    this.ws.send(JSON.stringify(message));
  }

  close(): void {
    this.ws.close();
  }
}
