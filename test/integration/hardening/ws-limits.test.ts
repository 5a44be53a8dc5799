import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { PortholeCore } from '../../../main/core';
import { ApiRouter, type InvokeHandlers, type StreamHandlers } from '../../../main/api/router';
import { PushHub } from '../../../main/api/push-hub';
import { startBrowserHost, type BrowserHost } from '../../../main/transports/browser-host';
import { useProxiedCore } from '../../support/core';
import { docker, runBusybox } from '../../support/engine';
import { uniqueName } from '../../support/run-id';
import { until } from '../../support/api-stream';
import { connectWire } from '../../support/ws-client';

const TOKEN = 'ws-limits-token-0123456789abcdef0123456789';

/** Defect 5: bulk actions, heartbeat, backpressure and per-connection invoke cap; defect 1: a throwing handler. */
describe('the WebSocket and bulk actions stay bounded', () => {
  const { core, proxy } = useProxiedCore();
  let host: BrowserHost;
  let staticRoot: string;
  const logged: string[] = [];

  beforeAll(async () => {
    staticRoot = await mkdtemp(join(tmpdir(), 'porthole-static-'));
    host = await startBrowserHost({
      core,
      staticRoot,
      token: TOKEN,
      log: (m) => logged.push(m),
      limits: { heartbeatMs: 300, pauseAboveBytes: 256 * 1024, closeAboveBytes: 2 * 1024 * 1024, maxConcurrentInvokes: 4 },
    });
  });
  afterAll(async () => {
    await host?.close();
    await rm(staticRoot, { recursive: true, force: true });
  });

  it('a bulk remove of 200 containers keeps at most 8 engine calls in flight', async () => {
    const ids = Array.from({ length: 200 }, () => randomBytes(32).toString('hex'));
    proxy.resetPeak();
    const result = await core.router.invoke('containers:remove', { ids, force: true }, { connectionId: 'bulk' });
    expect(result).toMatchObject({ ok: true });
    const outcomes = (result as { data: { ok: boolean; error?: { code: string } }[] }).data;
    expect(outcomes).toHaveLength(200);
    expect(outcomes.every((o) => !o.ok && o.error?.code === 'NOT_FOUND')).toBe(true);
    // 8 bulk calls + the events stream (+1 for a connection still closing).
    expect(proxy.peakOpen).toBeLessThanOrEqual(10);
    proxy.resetPeak();
    await core.router.invoke('containers:action', { ids, action: 'stop' }, { connectionId: 'bulk' });
    expect(proxy.peakOpen).toBeLessThanOrEqual(10);
  });

  it('a peer that stops answering pings is closed and its streams stop', async () => {
    const name = uniqueName('ws-dead-peer');
    const id = await runBusybox(name);
    try {
      const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${TOKEN}`, { autoPong: false });
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      ws.send(JSON.stringify({ t: 'subscribe', id: 'stats', channel: 'containers:stats', params: { id } }));
      await until(() => core.router.openStreamCount() === 1, 5_000, 'the stream opened');
      const closed = new Promise((resolve) => ws.once('close', resolve));
      await until(() => core.router.openStreamCount() === 0, 5_000, 'the dead peer’s stream closed');
      await closed;
    } finally {
      await docker.getContainer(id).remove({ force: true }).catch(() => {});
    }
  });

  it('a page that does not read is closed before the host buffers without bound', async () => {
    const name = uniqueName('ws-no-read');
    // ~20 MB of log lines, then quiet: a follow from the start sends it all at once.
    const id = await runBusybox(name, ['/bin/busybox', 'sh', '-c', 'yes 0123456789012345678901234567890123456789012345678901234567890123456789 | head -c 20000000; sleep 3600']);
    // Its own host with a slow heartbeat, so it is the backpressure guard (not the ping) that acts.
    const quietRoot = await mkdtemp(join(tmpdir(), 'porthole-static-'));
    const noReadHost = await startBrowserHost({
      core,
      staticRoot: quietRoot,
      token: TOKEN,
      log: (m) => logged.push(m),
      limits: { heartbeatMs: 120_000, pauseAboveBytes: 256 * 1024, closeAboveBytes: 2 * 1024 * 1024 },
    });
    try {
      const ws = new WebSocket(`ws://127.0.0.1:${noReadHost.port}/ws?token=${TOKEN}`);
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      (ws as unknown as { _socket: { pause(): void } })._socket.pause();
      ws.send(JSON.stringify({ t: 'subscribe', id: 'logs', channel: 'containers:logs', params: { id, follow: true, tail: 1_000_000, timestamps: false } }));
      await until(() => logged.some((m) => m.includes('stopped reading')), 30_000, 'the host gave up on the page');
      await until(() => core.router.openStreamCount() === 0, 10_000, 'its stream closed');
      (ws as unknown as { _socket: { resume(): void } })._socket.resume();
      expect([1006, 1013]).toContain(await closed);
    } finally {
      await noReadHost.close();
      await rm(quietRoot, { recursive: true, force: true });
      await docker.getContainer(id).remove({ force: true }).catch(() => {});
    }
  });

  it('a burst of invokes beyond the per-connection cap gets CONFLICT at once, and every call is answered', async () => {
    const client = await connectWire(host.port, TOKEN);
    try {
      const results = await Promise.all(Array.from({ length: 40 }, () => client.invoke('containers:list', { all: true })));
      const refused = results.filter((r) => !r.ok);
      expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(4);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((r) => (r.error as { code: string }).code === 'CONFLICT')).toBe(true);
    } finally {
      await client.close();
    }
  });
});

describe('a handler that throws or answers the unserialisable', () => {
  it('becomes INTERNAL for that call only; the next call works', async () => {
    const handlers = {
      'engine:info': async () => ({ big: 1n }),
      'engine:status': async () => ({ state: 'connected' }),
    } as unknown as InvokeHandlers;
    const router = new ApiRouter(handlers, {} as StreamHandlers);
    const fakeCore = { router, push: new PushHub() } as unknown as PortholeCore;
    const staticRoot = await mkdtemp(join(tmpdir(), 'porthole-static-'));
    const logged: string[] = [];
    const host = await startBrowserHost({ core: fakeCore, staticRoot, token: TOKEN, log: (m) => logged.push(m) });
    const client = await connectWire(host.port, TOKEN);
    try {
      expect(await client.invoke('engine:info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(await client.invoke('engine:status', {})).toMatchObject({ ok: true, data: { state: 'connected' } });
      expect(logged.join('\n')).toMatch(/could not be serialised/);
    } finally {
      await client.close();
      await host.close();
      await rm(staticRoot, { recursive: true, force: true });
    }
  });
});
