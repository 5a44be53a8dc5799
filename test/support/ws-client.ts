import WebSocket from 'ws';

export interface WireClient {
  ws: WebSocket;
  inbox: Record<string, unknown>[];
  /** Sends an invoke and resolves with its `result` (or rejects after `timeoutMs`). */
  invoke(channel: string, input: unknown, timeoutMs?: number): Promise<Record<string, unknown>>;
  send(message: unknown): void;
  waitFor(pred: (m: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** A client of the browser host's wire protocol, for tests; `address` dials another of this machine's addresses (Host stays loopback). */
export async function connectWire(port: number, token: string, address = '127.0.0.1'): Promise<WireClient> {
  const ws = new WebSocket(`ws://${address}:${port}/ws?token=${encodeURIComponent(token)}`, { headers: { Host: `127.0.0.1:${port}` } });
  const inbox: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    inbox.push(JSON.parse(data.toString()) as Record<string, unknown>);
    for (const w of waiters) w();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const waitFor = (pred: (m: Record<string, unknown>) => boolean, timeoutMs = 15_000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const check = () => {
        const found = inbox.find(pred);
        if (!found) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error('no matching WebSocket message'));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  return {
    ws,
    inbox,
    send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    invoke: async (channel, input, timeoutMs) => {
      const id = nextId++;
      ws.send(JSON.stringify({ t: 'invoke', id, channel, input }));
      const reply = await waitFor((m) => m.t === 'result' && m.id === id, timeoutMs);
      return reply.result as Record<string, unknown>;
    },
    waitFor,
    close: () =>
      new Promise<void>((resolve) => {
        if (ws.readyState === ws.CLOSED) return resolve();
        ws.once('close', () => resolve());
        ws.close();
        setTimeout(() => {
          ws.terminate();
          resolve();
        }, 2000).unref();
      }),
  };
}
