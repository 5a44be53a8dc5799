import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PortholeCore } from '../../../main/core';
import { createCore } from '../../../main/core';
import { headlessHost } from '../../../main/host/host-adapter';
import type { DiscoveryResult } from '../../../main/engine/discovery';
import { until } from '../../support/api-stream';

/**
 * Defect 3 (deadlines live in the engine gateway, #12): an engine socket that accepts and never
 * answers. Every call must end with TIMEOUT in words, the status must become unavailable, and once the
 * engine answers again Porthole must recover by itself.
 */
class StallingSocket {
  stalled = true;
  private readonly live = new Set<Socket>();
  private server: Server | null = null;
  constructor(readonly path: string) {}
  async start(): Promise<void> {
    this.server = createServer((client) => {
      this.live.add(client);
      client.on('error', () => {});
      client.on('close', () => this.live.delete(client));
      if (this.stalled) return; // accept, read, never answer
      const upstream = createConnection('/var/run/docker.sock');
      upstream.on('error', () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => this.server!.listen(this.path, () => r()));
  }
  stop(): Promise<void> {
    for (const s of this.live) s.destroy();
    return new Promise((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

describe('a stalled engine socket (defect 3)', () => {
  let dir: string;
  let socket: StallingSocket;
  let core: PortholeCore;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'porthole-stall-'));
    socket = new StallingSocket(join(dir, 'engine.sock'));
    await socket.start();
    const discover = (): DiscoveryResult => ({ target: { endpoint: `unix://${socket.path}`, source: 'stalling test socket', options: { socketPath: socket.path } }, tried: [socket.path] });
    core = createCore(headlessHost(), { discover, backoff: { initialMs: 200, maxMs: 1000 } });
  });
  afterAll(async () => {
    core?.stop();
    await socket?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('status becomes unavailable in words, a call ends with TIMEOUT, and it recovers by itself', async () => {
    await until(() => core.connection.status.state === 'unavailable', 20_000, 'status unavailable while the engine stalls');
    const status = core.connection.status as { reason: string };
    expect(status.reason).toMatch(/answer|respond|time/i);

    const started = Date.now();
    const info = await core.router.invoke('containers:list', { all: true }, { connectionId: 'stall' });
    expect(info).toMatchObject({ ok: false, error: { code: expect.stringMatching(/TIMEOUT|ENGINE_UNAVAILABLE/) } });
    expect(Date.now() - started).toBeLessThan(45_000);

    socket.stalled = false;
    await until(() => core.connection.status.state === 'connected', 30_000, 'recovered by itself');
    expect(await core.router.invoke('containers:list', { all: true }, { connectionId: 'stall' })).toMatchObject({ ok: true });
  }, 120_000);
});
