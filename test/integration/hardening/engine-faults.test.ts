import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server, type Socket } from 'node:net';
import { rm } from 'node:fs/promises';
import type { PortholeCore } from '../../../main/core';
import type { EngineStatus } from '../../../shared/dto';
import type { EngineEvent } from '../../../shared/dto';
import { startCore } from '../../support/core';
import { makeContext } from '../../support/engine';
import { openStream, until } from '../../support/api-stream';
import { SocketProxy } from '../../support/socket-proxy';
import { startSecondDockerd, type SecondDockerd } from '../../support/second-dockerd';

const IMAGE = 'porthole-fault-busybox:1';

/** A TCP "registry" on loopback that accepts and never answers: a pull against it is in flight for as long as we like. */
async function stalledRegistry(): Promise<{ port: number; connections: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const state = { port: 0, connections: 0, close: async () => {} };
  const server: Server = createServer((s) => {
    state.connections++;
    sockets.add(s);
    s.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  state.port = (server.address() as { port: number }).port;
  state.close = () =>
    new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    });
  return state;
}

/**
 * Faults against a real engine: a private dockerd (test/support/second-dockerd.ts) killed with SIGKILL
 * and restarted while a followed log, a build, a pull and the events stream are open. Every stream must
 * end (never hang), the status must say the engine is gone and then back, and nothing may be left open.
 */
describe('dockerd killed and restarted mid-work', () => {
  let engine: SecondDockerd;
  let proxy: SocketProxy;
  let core: PortholeCore;
  const statuses: EngineStatus[] = [];
  const events: EngineEvent[] = [];

  beforeAll(async () => {
    engine = await startSecondDockerd('faults');
    const ctx = await makeContext({ Dockerfile: 'FROM scratch\nCOPY busybox /bin/busybox\nCMD ["/bin/busybox", "sh"]\n' }, { busybox: true });
    await engine.cli('build', '-q', '-t', IMAGE, ctx);
    await rm(ctx, { recursive: true, force: true });
    proxy = await SocketProxy.start(engine.socketPath);
    core = await startCore({ discover: proxy.discover, backoff: { initialMs: 100, maxMs: 500 } });
    core.connection.on('status', (s) => statuses.push(s));
    core.connection.on('event', (e) => events.push(e));
  }, 180_000);
  afterAll(async () => {
    core?.stop();
    await proxy?.dispose();
    await engine?.stop();
  });

  /** Kills the engine, checks every open stream ended and the status went away and came back. */
  async function crashAndRecover(streams: { finished: Promise<{ kind: string }> }[]): Promise<void> {
    statuses.length = 0;
    await engine.kill('SIGKILL');
    const ends = await Promise.race([
      Promise.all(streams.map((s) => s.finished)),
      new Promise<null>((r) => setTimeout(() => r(null), 20_000)),
    ]);
    expect(ends, 'every open stream ended after the engine died').not.toBeNull();
    await until(() => statuses.some((s) => s.state === 'unavailable'), 10_000, 'status unavailable');
    await engine.restart();
    await until(() => core.connection.status.state === 'connected', 20_000, 'status connected again');
    expect(core.router.openStreamCount()).toBe(0);
    // Only the new events stream stays open to the engine (plus at most one request finishing).
    await until(() => proxy.openConnections().length <= 1, 5_000, 'no engine connection left open but events');
    // Re-listing works against the restarted engine.
    expect(await core.router.invoke('containers:list', { all: true }, { connectionId: 'faults' })).toMatchObject({ ok: true });
  }

  it('during a followed log', async () => {
    const id = await engine.cli('run', '-d', IMAGE, '/bin/busybox', 'sh', '-c', 'while true; do echo tick; sleep 0.1; done');
    const logs = openStream(core, 'containers:logs', { id, follow: true, tail: 1 }, 'faults');
    await until(() => logs.data.some((batch) => batch.count > 0), 10_000, 'log lines');
    await crashAndRecover([logs]);
  });

  it('during a build', async () => {
    const ctx = await makeContext({ Dockerfile: `FROM ${IMAGE}\nRUN /bin/busybox echo building && /bin/busybox sleep 60\n` });
    try {
      const build = openStream(core, 'images:build', { context: ctx, tag: 'porthole-fault-build:1', noCache: true }, 'faults');
      await until(() => JSON.stringify(build.data).includes('building'), 30_000, 'the RUN step started');
      await crashAndRecover([build]);
      const end = await build.finished;
      expect(end.kind).toBe('error');
    } finally {
      await rm(ctx, { recursive: true, force: true });
    }
  });

  it('during a pull', async () => {
    const registry = await stalledRegistry();
    try {
      const pull = openStream(core, 'images:pull', { reference: `127.0.0.1:${registry.port}/stalled/image:1` }, 'faults');
      await until(() => registry.connections > 0, 15_000, 'the engine reached the registry');
      await crashAndRecover([pull]);
    } finally {
      await registry.close();
    }
  });

  it('the events stream resumes after a restart (new events arrive)', async () => {
    await crashAndRecover([]);
    events.length = 0;
    const id = await engine.cli('run', '-d', IMAGE, '/bin/busybox', 'true');
    await until(() => events.some((e) => JSON.stringify(e).includes(id.slice(0, 12))), 10_000, 'an event for the new container');
  });
});
