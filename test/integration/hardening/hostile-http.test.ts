import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawGet, rawRequest } from '../../support/raw-http';
import { startServeProcess, type ServeProcess } from '../../support/serve-process';
import { connectWire } from '../../support/ws-client';

/**
 * Defect 1: `porthole serve` as its own process, attacked over the raw socket (no client-side URL
 * normalisation), must answer every bad request with a 4xx and keep running.
 */
describe('porthole serve survives hostile requests', () => {
  let serve: ServeProcess;
  beforeAll(async () => {
    serve = await startServeProcess();
  });
  afterAll(async () => {
    await serve?.stop();
  });

  const hostile: [string, string][] = [
    ['lone percent', '/%'],
    ['truncated escape', '/%e'],
    ['non-hex escape', '/%zz/index.html'],
    ['encoded slash traversal', '/..%2f..%2f..%2fetc%2fpasswd'],
    ['encoded slash, upper case', '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd'],
    ['backslash traversal', '/..\\..\\..\\etc\\passwd'],
    ['encoded backslash', '/..%5c..%5cetc%5cpasswd'],
    ['NUL', '/index.html%00.png'],
    ['overlong UTF-8 dot', '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd'],
    ['overlong UTF-8 slash', '/..%c0%af..%c0%afetc%c0%afpasswd'],
    ['invalid UTF-8', '/%ff%fe'],
    ['dot segments raw', '/../../../../etc/passwd'],
    ['overlong path', `/${'a'.repeat(5000)}`],
    ['absolute-form target', 'http://127.0.0.1/%'],
  ];

  it.each(hostile)('%s → 4xx, no file outside the root, process alive', async (_label, target) => {
    const reply = await rawGet(serve.port, target);
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect(reply.text).not.toContain('root:');
    expect(serve.alive()).toBe(true);
  });

  it('malformed request lines and headers get 400 and the process keeps serving', async () => {
    const junk = [
      'GET\r\n\r\n',
      'GET / HTTP/9.9\r\n\r\n',
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${serve.port}\r\nBad Header\r\n\r\n`,
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${serve.port}\r\nContent-Length: -1\r\n\r\n`,
      `GET /\0 HTTP/1.1\r\nHost: 127.0.0.1:${serve.port}\r\n\r\n`,
      Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x01, 0x00]), // a TLS ClientHello on the plain port
    ];
    for (const bytes of junk) {
      const reply = await rawRequest(serve.port, bytes);
      expect([0, 400]).toContain(reply.status);
      expect(serve.alive()).toBe(true);
    }
  });

  it('malformed upgrade requests are refused and the process keeps serving', async () => {
    const upgrade = (target: string, extra = '') =>
      rawRequest(serve.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${serve.port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${extra}\r\n`);
    for (const target of ['/%', `/ws?token=%`, 'http://[', `/ws?token=${serve.token}%00`]) {
      const reply = await upgrade(target);
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(serve.alive()).toBe(true);
    }
    expect((await upgrade(`/ws?token=${serve.token}`, 'Origin: %%%\r\n')).status).toBe(403);
  });

  it('after all of it, the API still answers', async () => {
    const client = await connectWire(serve.port, serve.token);
    try {
      expect(await client.invoke('engine:info', {})).toMatchObject({ ok: true });
    } finally {
      await client.close();
    }
    expect(serve.alive()).toBe(true);
    expect(serve.stderr()).not.toMatch(/uncaught|unhandled/i);
  });
});

describe('porthole serve with a malformed DOCKER_HOST (defect 2)', () => {
  it('keeps running and says what is wrong with the value and where it came from', async () => {
    const serve = await startServeProcess({ DOCKER_HOST: 'foo' });
    try {
      const client = await connectWire(serve.port, serve.token);
      try {
        const status = await client.invoke('engine:status', {});
        expect(status).toMatchObject({ ok: true, data: { state: 'unavailable' } });
        const reason = ((status.data as { reason: string }).reason);
        expect(reason).toContain('DOCKER_HOST');
        expect(reason).toContain('"foo"');
        expect(reason).toMatch(/unix:\/\//);
        const info = await client.invoke('engine:info', {});
        expect(info).toMatchObject({ ok: false, error: { code: 'ENGINE_UNAVAILABLE', message: expect.stringContaining('DOCKER_HOST') } });
      } finally {
        await client.close();
      }
      expect(serve.alive()).toBe(true);
    } finally {
      await serve.stop();
    }
  });
});
