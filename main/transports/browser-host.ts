import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { WebSocketServer } from 'ws';
import type { PortholeCore } from '../core';
import { attachWebSocket, type WebSocketLimits } from './ws-transport';
import { staticRequestPath } from './request-path';
import { browserCallerPlace } from './loopback';

export interface BrowserHostOptions {
  core: PortholeCore;
  /** Folder of the built renderer (out/renderer). */
  staticRoot: string;
  host?: string;
  port?: number;
  /** Fixed token (tests); a random 256-bit token otherwise. */
  token?: string;
  /** Where a request or message that failed unexpectedly is reported (the process keeps serving). */
  log?: (message: string) => void;
  /** Heartbeat, backpressure and invoke limits per WebSocket (tests shorten them). */
  limits?: Partial<WebSocketLimits>;
}

export interface BrowserHost {
  url: string;
  port: number;
  host: string;
  token: string;
  server: Server;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

function tokenMatches(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Serves the built renderer and the API over a WebSocket, on loopback by default. Refuses any request
 * whose Host is not this server's own loopback address and port (DNS rebinding), any upgrade from a
 * foreign Origin, and any API use without the per-launch token.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(32).toString('base64url');
  const root = resolve(options.staticRoot);
  let port = options.port ?? 0;

  const allowedHosts = () => {
    const names = new Set(LOOPBACK_NAMES);
    if (!['127.0.0.1', '::1', 'localhost'].includes(host)) names.add(host.includes(':') ? `[${host}]` : host);
    return new Set([...names].map((n) => `${n}:${port}`));
  };
  const hostAllowed = (req: IncomingMessage) => allowedHosts().has((req.headers.host ?? '').toLowerCase());
  const originAllowed = (req: IncomingMessage) => {
    const origin = req.headers.origin;
    if (origin === undefined) return true; // non-browser clients send none; they still need the token
    try {
      const u = new URL(origin);
      return u.protocol === 'http:' && allowedHosts().has(u.host.toLowerCase());
    } catch {
      return false;
    }
  };

  const log = options.log ?? ((m: string) => console.error(m));
  const server = createServer((req, res) => {
    serveStatic(req, res).catch((error: unknown) => {
      log(`browser host: a request for ${JSON.stringify((req.url ?? '').slice(0, 200))} failed: ${String((error as Error)?.stack ?? error)}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Internal error.');
      else res.destroy();
    });
  });
  // A malformed request line or header: answer 400 and drop that socket only.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers = {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    };
    if (!hostAllowed(req)) {
      res.writeHead(403, { ...headers, 'Content-Type': 'text/plain' }).end('Forbidden: unexpected Host header.');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end();
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    } catch {
      res.writeHead(400, { ...headers, 'Content-Type': 'text/plain' }).end('Bad request.');
      return;
    }
    // The URL parser resolves dot segments and turns backslashes into slashes, so judge the raw target.
    const rawPath = (req.url ?? '/').split(/[?#]/)[0];
    if (url.pathname.startsWith('/api')) {
      // The API lives on the WebSocket; plain HTTP API calls are refused whatever they carry.
      const authorised = tokenMatches(url.searchParams.get('token'), token);
      res.writeHead(authorised ? 404 : 401, { ...headers, 'Content-Type': 'text/plain' }).end(authorised ? 'Not found.' : 'Unauthorized.');
      return;
    }
    const path = staticRequestPath(rawPath.startsWith('/') ? rawPath : url.pathname);
    if (!path.ok) {
      res.writeHead(path.status, { ...headers, 'Content-Type': 'text/plain' }).end(path.reason);
      return;
    }
    let file = resolve(join(root, path.relative || 'index.html'));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403, headers).end();
      return;
    }
    const info = await stat(file).catch(() => null);
    if (!info || info.isDirectory()) file = join(root, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, headers).end('Not found. Run `npm run build` first.');
    }
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const refuse = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    try {
      if (!hostAllowed(req)) return refuse(403, 'Forbidden');
      if (!originAllowed(req)) return refuse(403, 'Forbidden');
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://placeholder');
      } catch {
        return refuse(400, 'Bad Request');
      }
      if (url.pathname !== '/ws') return refuse(404, 'Not Found');
      if (!tokenMatches(url.searchParams.get('token'), token)) return refuse(401, 'Unauthorized');
      wss.handleUpgrade(req, socket, head, (ws) => attachWebSocket(ws, options.core.router, options.core.push, { log, ...options.limits }, browserCallerPlace(host, req.socket.remoteAddress)));
    } catch (error) {
      log(`browser host: an upgrade failed: ${String((error as Error)?.stack ?? error)}`);
      socket.destroy();
    }
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveListen());
  });
  port = (server.address() as { port: number }).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
    port,
    host,
    token,
    server,
    close: () =>
      new Promise<void>((done) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
