import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { INVOKE_CHANNELS, STREAM_CHANNELS } from '../../../shared/channels';
import { invokeSchemas, streamSchemas } from '../../../shared/api/contract';
import { ERROR_CODES } from '../../../shared/errors';
import { SocketProxy } from '../../support/socket-proxy';
import { startSecondDockerd, type SecondDockerd } from '../../support/second-dockerd';
import { startServeProcess, type ServeProcess } from '../../support/serve-process';
import { connectWire, type WireClient } from '../../support/ws-client';
import { rawRequest } from '../../support/raw-http';

/** Figures for the README's Reliability section (printed at the end). */
const tally = { wsMessages: 0, httpRequests: 0 };

/** Requests the connection itself makes (status watcher, events); anything else came from a fuzz message. */
const MAINTENANCE = /^(GET|HEAD) \S*\/(_ping|version|events)\b/;

const isApiError = (e: unknown) => {
  const x = e as { code?: unknown; message?: unknown };
  return typeof x?.message === 'string' && (ERROR_CODES as readonly string[]).includes(String(x.code));
};

/** Arbitrary JSON that the channel's schema refuses (valid-by-chance inputs would act on the engine: skipped). */
const invalidFor = (schema: { safeParse(v: unknown): { success: boolean } }) =>
  fc
    .oneof(
      fc.jsonValue(),
      fc.dictionary(fc.constantFrom('id', 'ids', 'all', 'image', 'name', 'tag', 'context', 'force', 'folder', 'reference', 'action', 'tail', 'follow', 'path'), fc.jsonValue(), { maxKeys: 4 }),
    )
    .filter((input) => !schema.safeParse(input ?? {}).success);

const invokeMessage = fc
  .constantFrom(...INVOKE_CHANNELS)
  .chain((channel) => fc.record({ t: fc.constant('invoke' as const), id: fc.nat(), channel: fc.constant(channel as string), input: invalidFor(invokeSchemas[channel]) }));
const subscribeMessage = fc
  .constantFrom(...STREAM_CHANNELS)
  .chain((channel) => fc.record({ t: fc.constant('subscribe' as const), id: fc.uuid(), channel: fc.constant(channel as string), params: invalidFor(streamSchemas[channel]) }));
const unknownChannel = fc.record({ t: fc.constantFrom('invoke', 'subscribe'), id: fc.oneof(fc.nat(), fc.string({ minLength: 1, maxLength: 20 })), channel: fc.string({ maxLength: 80 }), input: fc.jsonValue() });
const junk = fc.oneof(fc.jsonValue(), fc.string(), fc.record({ t: fc.string({ maxLength: 12 }) }, { requiredKeys: [] }));

describe('fuzz: arbitrary messages over the WebSocket and arbitrary HTTP', () => {
  let engine: SecondDockerd;
  let proxy: SocketProxy;
  let serve: ServeProcess;
  let client: WireClient;

  beforeAll(async () => {
    // A private engine: no other test's events make the host talk to it while the fuzz runs.
    engine = await startSecondDockerd('fuzz');
    proxy = await SocketProxy.start(engine.socketPath);
    serve = await startServeProcess({ DOCKER_HOST: `unix://${proxy.path}` });
    client = await connectWire(serve.port, serve.token);
  });
  afterAll(async () => {
    console.log(`fuzz figures: ${tally.wsMessages} WebSocket messages, ${tally.httpRequests} raw HTTP requests, process alive: ${serve?.alive()}`);
    await client?.close();
    await serve?.stop();
    await proxy?.dispose();
    await engine?.stop();
  });

  it('every channel: invalid inputs get a typed VALIDATION reply, and nothing reaches the engine', async () => {
    proxy.resetRecord();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(invokeMessage, subscribeMessage, unknownChannel), { minLength: 1, maxLength: 10 }), async (messages) => {
        client.inbox.length = 0;
        for (const [i, message] of messages.entries()) {
          // Unique ids per message, so replies cannot be confused across runs.
          const id = message.t === 'invoke' && typeof message.id === 'number' ? 1_000_000_000 + tally.wsMessages * 16 + i : message.t === 'subscribe' ? `fz-${tally.wsMessages}-${i}` : message.id;
          client.send({ ...message, id });
        }
        tally.wsMessages += messages.length;
        // Exactly one reply per message (pushes from the engine are not replies).
        const replies = () => client.inbox.filter((m) => m.t !== 'push');
        await client.waitFor(() => replies().length >= messages.length, 10_000);
        for (const reply of replies()) {
          if (reply.t === 'result') {
            const result = reply.result as { ok: boolean; error?: unknown };
            expect(result.ok).toBe(false);
            expect(isApiError(result.error)).toBe(true);
          } else if (reply.t === 'stream') {
            const message = reply.message as { kind: string; error?: unknown };
            expect(message.kind).toBe('error');
            expect(isApiError(message.error)).toBe(true);
          } else {
            expect(reply).toMatchObject({ t: 'error', message: expect.any(String) });
          }
        }
        expect(serve.alive()).toBe(true);
      }),
      { numRuns: 400 },
    );
    expect(proxy.requests.filter((r) => !MAINTENANCE.test(r))).toEqual([]);
    expect(serve.alive()).toBe(true);
  }, 180_000);

  it('junk envelopes (not JSON, wrong shape, binary) get a typed error each', async () => {
    await fc.assert(
      fc.asyncProperty(junk, async (message) => {
        client.inbox.length = 0;
        const text = typeof message === 'string' ? message : JSON.stringify(message);
        client.ws.send(text);
        tally.wsMessages++;
        // A well-formed invoke/subscribe by chance is answered as such; everything else with t=error.
        const reply = await client.waitFor((m) => m.t !== 'push', 10_000);
        expect(['error', 'result', 'stream']).toContain(reply.t);
      }),
      { numRuns: 300 },
    );
    client.ws.send(Buffer.from([0, 1, 2, 3]), { binary: true });
    expect(await client.waitFor((m) => m.t === 'error' && String(m.message).includes('Binary'))).toBeTruthy();
    expect(serve.alive()).toBe(true);
  }, 120_000);

  it('raw HTTP: arbitrary request targets, methods and headers never get a 5xx or end the process', async () => {
    const pathChar = fc.oneof(
      fc.constantFrom('/', '.', '%', '\\', '?', '#', ';', '%2f', '%2F', '%5c', '%00', '%c0%ae', '%c0%af', '%ff', '%e2%82', '..', '%%', '%2e'),
      fc.string({ minLength: 1, maxLength: 3 }).map((s) => s.replace(/[\s\r\n]/g, 'x')),
    );
    const target = fc.array(pathChar, { maxLength: 30 }).map((parts) => `/${parts.join('')}`);
    const method = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT', 'BREW');
    const header = fc.tuple(fc.constantFrom('Origin', 'Upgrade', 'Connection', 'Sec-WebSocket-Key', 'Sec-WebSocket-Version', 'Accept-Encoding', 'Range', 'X-Junk'), fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' ')));
    await fc.assert(
      fc.asyncProperty(method, target, fc.array(header, { maxLength: 4 }), async (m, t, headers) => {
        const extra = headers.map(([k, v]) => `${k}: ${v}\r\n`).join('');
        const reply = await rawRequest(serve.port, `${m} ${t} HTTP/1.1\r\nHost: 127.0.0.1:${serve.port}\r\nConnection: close\r\n${extra}\r\n`, 5000);
        tally.httpRequests++;
        expect(reply.status < 500).toBe(true);
        expect(reply.text).not.toContain('root:x:0:0');
        expect(serve.alive()).toBe(true);
      }),
      { numRuns: 500 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        await rawRequest(serve.port, Buffer.from(bytes), 500);
        tally.httpRequests++;
        expect(serve.alive()).toBe(true);
      }),
      { numRuns: 60 },
    );
    expect(serve.stderr()).not.toMatch(/uncaught exception|unhandled rejection/);
  }, 180_000);
});
