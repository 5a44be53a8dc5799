import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { PortholeCore } from '../../main/core';
import type { LogBatch } from '../../shared/api/containers';
import { decodeLogBatch } from '../../shared/log-batch';
import { startBrowserHost, type BrowserHost } from '../../main/transports/browser-host';
import { startCore } from '../support/core';
import { docker, dockerCli, runBusybox } from '../support/engine';
import { uniqueName } from '../support/run-id';
import { until } from '../support/api-stream';
import { rawGet } from '../support/raw-http';

const TOKEN = 'test-token-0123456789abcdef0123456789abcdef';

/** Tries a WebSocket upgrade and reports the HTTP status it was refused with, or 101 when it opened. */
function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.once('error', (error) => reject(error));
  });
}

function httpGet(port: number, path: string, host: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A JSON client for the wire protocol. */
async function connect(url: string): Promise<{ ws: WebSocket; next: (pred: (m: Record<string, unknown>) => boolean) => Promise<Record<string, unknown>> }> {
  const ws = new WebSocket(url);
  const inbox: Record<string, unknown>[] = [];
  ws.on('message', (data) => inbox.push(JSON.parse(data.toString()) as Record<string, unknown>));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const next = async (pred: (m: Record<string, unknown>) => boolean) => {
    await until(() => inbox.some(pred), 10_000, 'a matching WebSocket message');
    return inbox.find(pred)!;
  };
  return { ws, next };
}

describe('browser host (WebSocket transport)', () => {
  let core: PortholeCore;
  let host: BrowserHost;
  let staticRoot: string;
  let wsUrl: (token?: string) => string;

  beforeAll(async () => {
    core = await startCore();
    staticRoot = await mkdtemp(join(tmpdir(), 'porthole-static-'));
    await writeFile(join(staticRoot, 'index.html'), '<!doctype html><title>Porthole test page</title>');
    host = await startBrowserHost({ core, staticRoot, port: 0, token: TOKEN });
    wsUrl = (token?: string) => `ws://127.0.0.1:${host.port}/ws${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;
  });
  afterAll(async () => {
    await host?.close();
    core?.stop();
    await rm(staticRoot, { recursive: true, force: true });
  });

  it('serves the page to its own Host and refuses a rebinding Host for static files', async () => {
    const ok = await httpGet(host.port, '/', `127.0.0.1:${host.port}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('Porthole test page');
    expect(ok.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect((await httpGet(host.port, '/', `localhost:${host.port}`)).status).toBe(200);

    const rebound = await httpGet(host.port, '/', `evil.example:${host.port}`);
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain('Porthole test page');
    expect((await httpGet(host.port, '/index.html', `127.0.0.1:${host.port + 1}`)).status).toBe(403);
    // Raw socket: http.request and the URL parser would normalise these before the server's guard saw them.
    for (const target of ['/..%2f..%2fetc%2fpasswd', '/..\\..\\etc\\passwd', '/%c0%ae%c0%ae/etc/passwd', '/index.html%00', '/%']) {
      const reply = await rawGet(host.port, target);
      expect(reply.status, target).toBeGreaterThanOrEqual(400);
      expect(reply.text).not.toContain('root:');
    }
  });

  it('refuses the WebSocket upgrade without a token, with a wrong token, from a foreign Origin and with a rebinding Host', async () => {
    expect(await upgradeStatus(wsUrl())).toBe(401);
    expect(await upgradeStatus(wsUrl('wrong-token'))).toBe(401);
    expect(await upgradeStatus(wsUrl(TOKEN.slice(0, -1) + 'X'))).toBe(401);
    expect(await upgradeStatus(wsUrl(TOKEN), { Origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(wsUrl(TOKEN), { Origin: `http://evil.example:${host.port}` })).toBe(403);
    expect(await upgradeStatus(wsUrl(TOKEN), { Host: `evil.example:${host.port}` })).toBe(403);
    expect(await upgradeStatus(wsUrl(TOKEN), { Host: `evil.example:${host.port}`, Origin: `http://evil.example:${host.port}` })).toBe(403);
    // Sanity: the same helper does see a successful upgrade, with or without our own Origin.
    expect(await upgradeStatus(wsUrl(TOKEN))).toBe(101);
    expect(await upgradeStatus(wsUrl(TOKEN), { Origin: `http://127.0.0.1:${host.port}` })).toBe(101);
  });

  it('with the right token, engine:info works end to end', async () => {
    const { ws, next } = await connect(wsUrl(TOKEN));
    try {
      ws.send(JSON.stringify({ t: 'invoke', id: 1, channel: 'engine:info', input: {} }));
      const reply = await next((m) => m.t === 'result' && m.id === 1);
      expect(reply.result).toMatchObject({ ok: true, data: { version: await dockerCli('version', '--format', '{{.Server.Version}}') } });

      ws.send(JSON.stringify({ t: 'invoke', id: 2, channel: 'containers:inspect', input: { id: '' } }));
      expect((await next((m) => m.t === 'result' && m.id === 2)).result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

      ws.send('not json');
      expect(await next((m) => m.t === 'error')).toMatchObject({ message: expect.stringContaining('JSON') });
    } finally {
      ws.close();
    }
  });

  it('a socket that connects is told the engine status at once, without asking', async () => {
    const { ws, next } = await connect(wsUrl(TOKEN));
    try {
      const push = await next((m) => m.t === 'push');
      expect(push).toMatchObject({ channel: 'engine:status', payload: { state: 'connected', version: await dockerCli('version', '--format', '{{.Server.Version}}') } });
    } finally {
      ws.close();
    }
  });

  it('a stream subscription closes server-side when the socket closes', async () => {
    const name = uniqueName('ws-logs');
    const id = await runBusybox(name, ['/bin/busybox', 'sh', '-c', 'while true; do echo tick; sleep 0.2; done']);
    try {
      const { ws, next } = await connect(wsUrl(TOKEN));
      ws.send(JSON.stringify({ t: 'subscribe', id: 'logs-1', channel: 'containers:logs', params: { id, follow: true, tail: 1 } }));
      const opened = await next((m) => m.t === 'stream' && m.id === 'logs-1');
      expect(opened.message).toEqual({ kind: 'data', data: { text: '', count: 0 } });
      const lines = await next((m) => m.t === 'stream' && m.id === 'logs-1' && ((m.message as { data?: LogBatch }).data?.count ?? 0) > 0);
      expect(decodeLogBatch((lines.message as { data: LogBatch }).data)).toContainEqual(expect.objectContaining({ stream: 'stdout', text: 'tick' }));
      expect(core.router.openStreamCount()).toBe(1);
      ws.close();
      await until(() => core.router.openStreamCount() === 0, 5_000, 'stream closed server-side');
      expect(core.router.openStreamCount()).toBe(0);
    } finally {
      await docker.getContainer(id).remove({ force: true }).catch(() => {});
    }
  });
});
