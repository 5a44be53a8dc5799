import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

export interface Served {
  url: string;
  port: number;
  token: string;
  pid: number;
  child: ChildProcess;
  /** ms from spawn to the URL line. */
  readyMs: number;
  stop(): Promise<void>;
}

const root = join(__dirname, '..', '..');

/** Starts the browser host exactly as `npm run serve` does (built CLI), on a free port. */
export async function startServed(): Promise<Served> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(root, 'out/main/cli.js'), 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // History and settings of the bench's deploys go to a throw-away folder, not the user's.
    env: { ...process.env, PORTHOLE_DATA_DIR: mkdtempSync(join(tmpdir(), 'porthole-bench-data-')) },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Open (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token') ?? '',
    pid: child.pid!,
    child,
    readyMs: performance.now() - t0,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/** A minimal client of the browser host's WebSocket API (what the renderer's bridge does). */
export class WsClient {
  private next = 0;
  private readonly pending = new Map<number, (r: unknown) => void>();
  private readonly streams = new Map<string, (m: { kind: string; data?: unknown; error?: unknown }) => void>();
  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { t: string; id: number | string; result: unknown; message: { kind: string } };
      if (msg.t === 'result') {
        this.pending.get(msg.id as number)?.(msg.result);
        this.pending.delete(msg.id as number);
      } else if (msg.t === 'stream') {
        this.streams.get(msg.id as string)?.(msg.message);
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
      this.ws.send(JSON.stringify({ t: 'subscribe', id, channel, params }));
    });
  }

  static async connect(served: Served): Promise<WsClient> {
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
      this.ws.send(JSON.stringify({ t: 'invoke', id, channel, input }));
    });
  }

  close(): void {
    this.ws.close();
  }
}
