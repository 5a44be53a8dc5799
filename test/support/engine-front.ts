import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { freshSocketPath, removeSocketFolder, socketDiscovery } from './test-socket';

/** Answers a request itself (return true) or lets it through to the real engine (return false). */
export type FrontRoute = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * An HTTP front on a unix socket before the real engine: a test answers chosen requests the way the
 * engine would in a situation the machine cannot produce (Docker Hub unreachable or reachable, a
 * busy df), and everything else passes through untouched.
 */
export class EngineFront {
  route: FrontRoute = () => false;
  readonly seen: string[] = [];

  private constructor(
    readonly path: string,
    private readonly server: Server,
  ) {}

  static async start(target = '/var/run/docker.sock'): Promise<EngineFront> {
    const path = await freshSocketPath('porthole-front-');
    let front: EngineFront | null = null;
    const server = createServer((req, res) => {
      front!.seen.push(`${req.method} ${req.url}`);
      if (front!.route(req, res)) return;
      const upstream = request({ socketPath: target, path: req.url, method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      res.on('close', () => upstream.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>((r) => server.listen(path, () => r()));
    front = new EngineFront(path, server);
    return front;
  }

  discover = () => socketDiscovery(this.path, 'test engine front');

  async dispose(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
    await removeSocketFolder(this.path);
  }
}
