import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortholeCore } from '../../main/core';
import { ContextsStore } from '../../main/engines/contexts-store';
import { discoverEngine, realDiscoveryEnv } from '../../main/engine/discovery';
import { freeLoopbackPort } from '../../main/vm/free-port';
import { invoke, invokeOk } from '../support/api';
import { openStream, until } from '../support/api-stream';
import { startCore } from '../support/core';
import { busyboxImage, docker as localDocker } from '../support/engine';
import { testLabels, uniqueName } from '../support/run-id';
import { startSecondDockerd, type SecondDockerd } from '../support/second-dockerd';

/** The side-by-side list against real engines: the local one (in use), a TLS second dockerd, one refusing and one stalled. */
describe('engines side by side: one Containers list across engines, actions routed to each row’s engine', () => {
  let second: SecondDockerd;
  let core: PortholeCore;
  let configDir: string;
  let stalled: Server;
  const held: Socket[] = [];
  const localName = uniqueName('ph-sbs-local');
  const tlsName = uniqueName('ph-sbs-tls');
  const lateName = uniqueName('ph-sbs-late');

  const runOn = async (docker: typeof localDocker, name: string) => {
    const c = await docker.createContainer({ Image: busyboxImage(), name, Cmd: ['/bin/busybox', 'sleep', '600'], Labels: testLabels(), StopTimeout: 1 });
    await c.start();
    return c.id;
  };

  beforeAll(async () => {
    second = await startSecondDockerd('engines-sbs', { tcpTls: true });
    configDir = await mkdtemp(join(tmpdir(), 'porthole-sbs-config-'));
    const contexts = new ContextsStore(configDir);
    const tls = second.tcp!.tls;
    await contexts.create({ name: 'ph-tls', description: '', host: `tcp://127.0.0.1:${second.tcp!.port}`, tls: { ca: join(tls.certDir, 'ca.pem'), cert: join(tls.certDir, 'cert.pem'), key: join(tls.certDir, 'key.pem') }, skipTlsVerify: false });
    // Nothing listens on this one: it is refused at once.
    await contexts.create({ name: 'ph-refused', description: '', host: `tcp://127.0.0.1:${await freeLoopbackPort()}`, skipTlsVerify: false });
    // This one accepts and never answers: only the deadline tells it apart.
    stalled = createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    const stalledPort = (stalled.address() as { port: number }).port;
    await contexts.create({ name: 'ph-stalled', description: '', host: `tcp://127.0.0.1:${stalledPort}`, skipTlsVerify: false });
    const load = await second.docker.loadImage(await localDocker.getImage(busyboxImage()).get());
    await new Promise((resolve, reject) => second.docker.modem.followProgress(load, (err) => (err ? reject(err) : resolve(null))));
    await runOn(localDocker, localName);
    await runOn(second.docker, tlsName);
    const local = realDiscoveryEnv();
    core = await startCore({
      discover: () => discoverEngine({ ...local, env: { ...local.env, DOCKER_HOST: 'unix:///var/run/docker.sock', DOCKER_CONTEXT: '' } }),
      engines: { contexts, settingsFile: null, discoveryEnv: () => ({ ...local, env: { ...local.env, DOCKER_HOST: '', DOCKER_CONTEXT: '', DOCKER_CONFIG: configDir } }) },
    });
    await core.connection.waitUntilConnected(30_000);
  }, 180_000);

  afterAll(async () => {
    core?.stop();
    for (const s of held) s.destroy();
    stalled?.close();
    await localDocker.getContainer(localName).remove({ force: true }).catch(() => {});
    await second?.stop();
    if (configDir) await rm(configDir, { recursive: true, force: true });
  });

  it('lists every reachable engine’s containers with its engine, and reports the others with their reason', async () => {
    const started = Date.now();
    const list = await invokeOk(core, 'containers:all-engines', {});
    expect(Date.now() - started).toBeLessThan(15_000);
    const byId = new Map(list.engines.map((e) => [e.id, e]));
    expect(byId.get('context:ph-tls')).toMatchObject({ state: 'listed', name: 'ph-tls', current: false });
    expect(byId.get('context:ph-refused')).toMatchObject({ state: 'unreachable', code: 'ENGINE_UNAVAILABLE' });
    expect(byId.get('context:ph-stalled')).toMatchObject({ state: 'unreachable', code: 'TIMEOUT' });
    expect(list.engines.filter((e) => e.current)).toHaveLength(1);
    const local = list.containers.find((c) => c.name === localName);
    const remote = list.containers.find((c) => c.name === tlsName);
    expect(local).toMatchObject({ engineId: list.engines.find((e) => e.current)?.id, state: 'running' });
    expect(remote).toMatchObject({ engineId: 'context:ph-tls', engineName: 'ph-tls', state: 'running' });
    expect(list.containers.filter((c) => c.name === tlsName)).toHaveLength(1);
  }, 60_000);

  it('sends a row’s action to its own engine, and refuses an engine it does not know', async () => {
    const outcome = await invokeOk(core, 'containers:action', { ids: [tlsName], action: 'stop', engineId: 'context:ph-tls' });
    expect(outcome).toEqual([{ id: tlsName, ok: true }]);
    expect((await second.docker.getContainer(tlsName).inspect()).State.Running).toBe(false);
    expect((await localDocker.getContainer(localName).inspect()).State.Running).toBe(true);
    const unknown = await invoke(core, 'containers:action', { ids: [tlsName], action: 'start', engineId: 'context:ph-no-such-engine' });
    expect(unknown.ok === false && unknown.error.code).toBe('NOT_FOUND');
    const malformed = await invoke(core, 'containers:remove', { ids: [tlsName], engineId: 'not-an-engine' });
    expect(malformed.ok === false && malformed.error.code).toBe('VALIDATION');
    await invokeOk(core, 'containers:remove', { ids: [tlsName], force: true, engineId: 'context:ph-tls' });
    expect((await second.docker.listContainers({ all: true })).some((c) => c.Names.includes(`/${tlsName}`))).toBe(false);
    expect(core.services.enginePool.openClients()).toBe(0);
  }, 60_000);

  it('streams every engine’s events tagged with its engine while watched, and closes the clients after', async () => {
    const watch = openStream(core, 'containers:all-engines-events', {});
    await until(() => watch.data.some((m) => m.kind === 'watching' && m.engineId === 'context:ph-tls'), 20_000, 'the TLS engine’s events');
    await until(() => watch.data.some((m) => m.kind === 'lost' && m.engineId === 'context:ph-refused'), 20_000, 'the refused engine reported');
    expect(core.services.enginePool.openClients()).toBeGreaterThan(0);
    const id = await runOn(second.docker, lateName);
    await until(() => watch.data.some((m) => m.kind === 'event' && m.engineId === 'context:ph-tls' && m.event.id === id && m.event.action === 'start'), 20_000, 'the start event');
    expect(watch.data.some((m) => m.kind === 'event' && m.engineId !== 'context:ph-tls' && m.event.id === id)).toBe(false);
    watch.close();
    await until(() => core.services.enginePool.openClients() === 0, 10_000, 'the pool to close its clients');
  }, 60_000);
});
