import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { freshSocketPath, removeSocketFolder, socketDiscovery } from './test-socket';

export interface ProxiedConnection {
  /** HTTP request lines seen from the client, e.g. "GET /v1.41/events HTTP/1.1". */
  requests: string[];
  open: boolean;
}

const REQUEST_LINE = /(?:^|\r\n)((?:GET|POST|PUT|DELETE|HEAD) \S+ HTTP\/1\.[01])\r\n/g;

/**
 * A Unix socket we control in front of the real engine: it records every connection and request line,
 * and can be closed (dropping live connections, as an engine restart would) and reopened on the same path.
 */
export class SocketProxy {
  readonly connections: ProxiedConnection[] = [];
  /** The most connections that were open at the same moment (since the last resetPeak). */
  peakOpen = 0;
  private server: Server | null = null;
  private readonly live = new Set<Socket>();

  private constructor(
    readonly path: string,
    private readonly target: string,
  ) {}

  static async start(target = '/var/run/docker.sock'): Promise<SocketProxy> {
    const proxy = new SocketProxy(await freshSocketPath('porthole-proxy-'), target);
    await proxy.open();
    return proxy;
  }

  /** A `discover` for the core that always points at this proxy. */
  discover = () => socketDiscovery(this.path, 'test proxy');

  get requests(): string[] {
    return this.connections.flatMap((c) => c.requests);
  }

  openConnections(): ProxiedConnection[] {
    return this.connections.filter((c) => c.open);
  }

  /** Forgets what was recorded so far (live connections keep being recorded in their old entries). */
  resetRecord(): void {
    for (const c of this.connections) c.requests.length = 0;
  }

  resetPeak(): void {
    this.peakOpen = this.live.size;
  }

  async open(): Promise<void> {
    const server = createServer((client) => {
      const record: ProxiedConnection = { requests: [], open: true };
      this.connections.push(record);
      this.live.add(client);
      this.peakOpen = Math.max(this.peakOpen, this.live.size);
      let head = '';
      const upstream = createConnection(this.target);
      client.on('data', (chunk: Buffer) => {
        head = (head + chunk.toString('latin1')).slice(-64 * 1024);
        let m: RegExpExecArray | null;
        REQUEST_LINE.lastIndex = 0;
        while ((m = REQUEST_LINE.exec(head)) !== null) record.requests.push(m[1]);
        head = head.slice(Math.max(0, head.lastIndexOf('\r\n')));
      });
      client.pipe(upstream).pipe(client);
      const done = () => {
        record.open = false;
        this.live.delete(client);
        client.destroy();
        upstream.destroy();
      };
      client.on('close', done).on('error', done);
      upstream.on('close', done).on('error', done);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.path, () => resolve());
    });
    this.server = server;
  }

  /** Stops listening and cuts every live connection (the socket file disappears, as when dockerd stops). */
  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    for (const socket of this.live) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async dispose(): Promise<void> {
    await this.close();
    await removeSocketFolder(this.path);
  }
}
