import { createServer } from 'node:net';

/** True when nothing on this host listens on `port` at `host` (what `docker run -p` would need). */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** The first free port at or after `from`, looking at most `span` ports ahead. */
export async function findFreePort(from: number, host = '127.0.0.1', span = 200): Promise<number | null> {
  for (let port = from; port <= Math.min(65535, from + span); port++) {
    if (await isPortFree(port, host)) return port;
  }
  return null;
}
