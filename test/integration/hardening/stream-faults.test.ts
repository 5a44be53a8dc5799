import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserHost, type BrowserHost } from '../../../main/transports/browser-host';
import { useCore } from '../../support/core';
import { busyboxImage, docker, dockerCli, runBusybox } from '../../support/engine';
import { uniqueName, RUN_ID } from '../../support/run-id';
import { openStream, until } from '../../support/api-stream';
import { connectWire } from '../../support/ws-client';

/** A TCP proxy to the local registry that can be cut: the registry "stops" under a push. */
async function cuttableRegistry(target = 5000): Promise<{ port: number; requests: string[]; cut(): Promise<void> }> {
  const live = new Set<Socket>();
  const requests: string[] = [];
  const server: Server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    live.add(client).add(upstream);
    client.on('data', (c: Buffer) => {
      const line = /^(GET|HEAD|POST|PUT|PATCH) (\S+)/.exec(c.toString('latin1'));
      if (line) requests.push(`${line[1]} ${line[2]}`);
    });
    client.pipe(upstream).pipe(client);
    const done = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', done).on('close', done);
    upstream.on('error', done).on('close', done);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as { port: number }).port,
    requests,
    cut: () =>
      new Promise<void>((r) => {
        for (const s of live) s.destroy();
        server.close(() => r());
      }),
  };
}

describe('faults around streams on the shared engine', () => {
  const core = useCore();

  it('a container removed by the CLI while its logs, stats and inspect are open: every stream ends, inspect says NOT_FOUND', async () => {
    const id = await runBusybox(uniqueName('fault-removed'), ['/bin/busybox', 'sh', '-c', 'while true; do echo tick; sleep 0.1; done']);
    const logs = openStream(core, 'containers:logs', { id, follow: true, tail: 1 }, 'removed');
    const stats = openStream(core, 'containers:stats', { id }, 'removed');
    await until(() => logs.data.some((batch) => batch.count > 0) && stats.data.length > 0, 15_000, 'logs and stats flowing');
    expect(await core.router.invoke('containers:inspect', { id }, { connectionId: 'removed' })).toMatchObject({ ok: true });
    await dockerCli('rm', '-f', id);
    const ends = await Promise.race([Promise.all([logs.finished, stats.finished]), new Promise<null>((r) => setTimeout(() => r(null), 15_000))]);
    expect(ends, 'logs and stats ended').not.toBeNull();
    expect(await core.router.invoke('containers:inspect', { id }, { connectionId: 'removed' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await until(() => core.router.openStreamCount() === 0, 5_000, 'no stream left');
  });

  it('the registry stopped mid-push: NETWORK, in words naming the registry, and the stream ends', async () => {
    const registry = await cuttableRegistry();
    const reference = `127.0.0.1:${registry.port}/porthole-fault/push:${RUN_ID}`;
    await dockerCli('tag', busyboxImage(), reference);
    try {
      const push = openStream(core, 'images:push', { reference }, 'push');
      // Cut as soon as the engine starts talking to the registry about blobs.
      await until(() => registry.requests.some((r) => r.includes('/blobs/')), 20_000, 'the push reached the registry');
      await registry.cut();
      const end = await Promise.race([push.finished, new Promise<null>((r) => setTimeout(() => r(null), 120_000))]);
      expect(end).toMatchObject({ kind: 'error', error: { code: 'NETWORK', message: expect.stringContaining(`127.0.0.1:${registry.port}`) } });
    } finally {
      await dockerCli('rmi', reference).catch(() => '');
    }
  }, 150_000);

  describe('the browser host WebSocket cut mid-stream and reopened', () => {
    let host: BrowserHost;
    let staticRoot: string;
    const TOKEN = 'cut-token-0123456789abcdef0123456789abcdef';
    beforeAll(async () => {
      staticRoot = await mkdtemp(join(tmpdir(), 'porthole-static-'));
      host = await startBrowserHost({ core, staticRoot, token: TOKEN, log: () => {} });
    });
    afterAll(async () => {
      await host?.close();
      await rm(staticRoot, { recursive: true, force: true });
    });

    it('the cut closes its streams server-side; the reopened page streams again', async () => {
      const id = await runBusybox(uniqueName('fault-ws-cut'), ['/bin/busybox', 'sh', '-c', 'i=0; while true; do i=$((i+1)); echo line-$i; sleep 0.05; done']);
      try {
        const first = await connectWire(host.port, TOKEN);
        first.send({ t: 'subscribe', id: 'logs', channel: 'containers:logs', params: { id, follow: true, tail: 1 } });
        await first.waitFor((m) => m.t === 'stream' && m.id === 'logs');
        // Cut the TCP connection under the WebSocket, as a network drop or a killed tab would.
        (first.ws as unknown as { _socket: Socket })._socket.destroy();
        await until(() => core.router.openStreamCount() === 0, 5_000, 'the cut stream closed');

        const second = await connectWire(host.port, TOKEN);
        try {
          second.send({ t: 'subscribe', id: 'logs', channel: 'containers:logs', params: { id, follow: true, tail: 1 } });
          await second.waitFor((m) => m.t === 'stream' && m.id === 'logs');
          const before = second.inbox.length;
          await until(() => second.inbox.length > before + 2, 5_000, 'the stream keeps flowing');
        } finally {
          await second.close();
        }
        await until(() => core.router.openStreamCount() === 0, 5_000, 'closed after the page closed');
      } finally {
        await docker.getContainer(id).remove({ force: true }).catch(() => {});
      }
    });
  });
});
