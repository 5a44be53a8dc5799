import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PortholeCore } from '../../main/core';
import { createCore } from '../../main/core';
import { headlessHost } from '../../main/host/host-adapter';
import type { EngineEvent, EngineInfo, EngineStatus, ContainerSummary, ImageSummary } from '../../shared/dto';
import { busyboxImage, dockerCli, docker, testLabels, TEST_LABEL, RUN_ID } from '../support/engine';
import { useCore, useProxiedCore } from '../support/core';
import { uniqueName } from '../support/run-id';
import { until } from '../support/api-stream';

const ctx = { connectionId: 'engine-test' };
const created: string[] = [];

async function createLabelled(name: string): Promise<string> {
  const id = await dockerCli('create', '--label', `${TEST_LABEL}=${RUN_ID}`, '--name', name, busyboxImage(), '/bin/busybox', 'sleep', '3600');
  created.push(id);
  return id;
}

afterAll(async () => {
  await Promise.all(created.map((id) => docker.getContainer(id).remove({ force: true }).catch(() => {})));
});

describe('engine through the API (real dockerd)', () => {
  const core = useCore();

  it('engine:info returns the version `docker version` reports', async () => {
    const result = await core.router.invoke('engine:info', {}, ctx);
    expect(result.ok).toBe(true);
    const info = (result as { data: EngineInfo }).data;
    expect(info.version).toBe(await dockerCli('version', '--format', '{{.Server.Version}}'));
    expect(info.apiVersion).toBe(await dockerCli('version', '--format', '{{.Server.APIVersion}}'));
    expect(info.endpoint).toBe('unix:///var/run/docker.sock');
  });

  it('a container the docker CLI created (labelled) appears in containers:list', async () => {
    const name = uniqueName('list');
    const id = await createLabelled(name);
    const result = await core.router.invoke('containers:list', { all: true }, ctx);
    expect(result.ok).toBe(true);
    const mine = (result as { data: ContainerSummary[] }).data.find((c) => c.id === id);
    expect(mine).toMatchObject({ name, state: 'created', image: busyboxImage(), labels: testLabels() });
  });

  it('an event from `docker start` reaches an engine:event listener through core.push', async () => {
    const id = await createLabelled(uniqueName('events'));
    const events: EngineEvent[] = [];
    const unsubscribe = core.push.subscribe((channel, payload) => {
      if (channel === 'engine:event') events.push(payload as EngineEvent);
    });
    try {
      await dockerCli('start', id);
      await until(() => events.some((e) => e.id === id && e.action === 'start'), 10_000, 'start event');
      const start = events.find((e) => e.id === id && e.action === 'start');
      expect(start).toMatchObject({ type: 'container', attributes: { [TEST_LABEL]: RUN_ID } });
      expect(start?.timeNano).toMatch(/^\d{19}$/);
    } finally {
      unsubscribe();
    }
  });
});

describe('engine unavailable', () => {
  const unhandled: unknown[] = [];
  const spy = (reason: unknown) => unhandled.push(reason);
  let dir: string;
  let core: PortholeCore | null = null;

  beforeAll(async () => {
    process.on('unhandledRejection', spy);
    dir = await mkdtemp(join(tmpdir(), 'porthole-dead-'));
  });
  afterEach(() => {
    core?.stop();
    core = null;
  });
  afterAll(async () => {
    process.off('unhandledRejection', spy);
    await rm(dir, { recursive: true, force: true });
  });

  it('a dead socket gives ENGINE_UNAVAILABLE and status `unavailable`, with no unhandled rejection', async () => {
    const dead = join(dir, 'nothing-here.sock');
    const statuses: EngineStatus[] = [];
    core = createCore(headlessHost(), {
      discover: () => ({ target: { endpoint: `unix://${dead}`, source: 'test', options: { socketPath: dead } }, tried: [dead] }),
      backoff: { initialMs: 50, maxMs: 200 },
    });
    core.push.subscribe((channel, payload) => channel === 'engine:status' && statuses.push(payload as EngineStatus));
    await until(() => core?.connection.status.state === 'unavailable', 5_000, 'unavailable');

    for (const [channel, input] of [
      ['engine:info', {}],
      ['containers:list', {}],
      ['images:list', {}],
    ] as const) {
      const result = await core.router.invoke(channel, input, ctx);
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'ENGINE_UNAVAILABLE', message: expect.stringContaining(dead) } });
    }
    // It keeps retrying with backoff, and every retry is still unavailable.
    await until(() => statuses.filter((s) => s.state === 'unavailable').length >= 3, 5_000, 'retries');
    const last = core.connection.status;
    expect(last).toMatchObject({ state: 'unavailable', endpoint: `unix://${dead}`, tried: [dead], retryInMs: expect.any(Number) });
    await new Promise((r) => setTimeout(r, 50));
    expect(unhandled).toEqual([]);
  });

  it('with nothing discovered the API says where it looked', async () => {
    core = createCore(headlessHost(), { discover: () => ({ target: null, tried: ['/a.sock', '/b.sock'] }), backoff: { initialMs: 50, maxMs: 100 } });
    await until(() => core?.connection.status.state === 'unavailable', 5_000, 'unavailable');
    expect(core.connection.status).toMatchObject({ state: 'unavailable', tried: ['/a.sock', '/b.sock'] });
    const result = await core.router.invoke('containers:list', {}, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'ENGINE_UNAVAILABLE', detail: { tried: ['/a.sock', '/b.sock'] } } });
    expect(unhandled).toEqual([]);
  });
});

describe('engine comes back', () => {
  const unhandled: unknown[] = [];
  const spy = (reason: unknown) => unhandled.push(reason);
  beforeAll(() => void process.on('unhandledRejection', spy));
  afterAll(() => void process.off('unhandledRejection', spy));
  const { core, proxy } = useProxiedCore({ backoff: { initialMs: 100, maxMs: 400 } });

  it('goes unavailable when the socket drops, reconnects by itself, and events flow again', async () => {
    const statuses: EngineStatus[] = [];
    const events: EngineEvent[] = [];
    core.push.subscribe((channel, payload) => {
      if (channel === 'engine:status') statuses.push(payload as EngineStatus);
      else events.push(payload as EngineEvent);
    });
    const eventsConnection = () => proxy.connections.filter((c) => c.open && c.requests.some((r) => / (\/v[\d.]+)?\/events\b/.test(r)));
    expect(eventsConnection()).toHaveLength(1);

    await proxy.close();
    await until(() => core.connection.status.state === 'unavailable', 5_000, 'unavailable');
    expect(core.connection.status).toMatchObject({ state: 'unavailable', endpoint: `unix://${proxy.path}`, reason: expect.stringMatching(/lost|not reachable/) });
    expect(eventsConnection()).toHaveLength(0);
    const listWhileDown = await core.router.invoke('containers:list', {}, ctx);
    expect(listWhileDown).toMatchObject({ ok: false, error: { code: 'ENGINE_UNAVAILABLE' } });

    await proxy.open();
    await until(() => core.connection.status.state === 'connected', 10_000, 'reconnected');
    expect(statuses.map((s) => s.state)).toContain('unavailable');
    expect(statuses.at(-1)).toMatchObject({ state: 'connected', version: await dockerCli('version', '--format', '{{.Server.Version}}') });
    expect(eventsConnection()).toHaveLength(1);

    const id = await createLabelled(uniqueName('back'));
    await dockerCli('start', id);
    await until(() => events.some((e) => e.id === id && e.action === 'start'), 10_000, 'start event after reconnect');
    expect((await core.router.invoke('containers:list', {}, ctx)).ok).toBe(true);
    expect(unhandled).toEqual([]);
  });
});

describe('one engine list of every container, shared', () => {
  const { core, proxy } = useProxiedCore();
  const everyContainerLists = () => proxy.requests.filter((r) => /^GET (\/v[\d.]+)?\/containers\/json\?all=(true|1) /.test(r)).length;
  const busyboxUses = async () => {
    const result = await core.router.invoke('images:list', {}, ctx);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return (result.data as ImageSummary[]).find((i) => i.tags.includes(busyboxImage()))?.containers ?? 0;
  };

  it('the container list and the image list asked together cost the engine one list', async () => {
    // Another test file's container event in the same moment makes the image list ask again: try a few times.
    let fewest = Infinity;
    for (let attempt = 0; attempt < 5 && fewest > 1; attempt++) {
      proxy.resetRecord();
      const [containers, images] = await Promise.all([core.router.invoke('containers:list', { all: true }, ctx), core.router.invoke('images:list', {}, ctx)]);
      expect(containers.ok && images.ok).toBe(true);
      fewest = Math.min(fewest, everyContainerLists());
    }
    expect(fewest).toBe(1);
  });

  it('after a container event the next list asks the engine again and counts the new container', async () => {
    const events: EngineEvent[] = [];
    core.push.subscribe((channel, payload) => {
      if (channel !== 'engine:status') events.push(payload as EngineEvent);
    });
    const before = await busyboxUses();
    proxy.resetRecord();
    const id = await createLabelled(uniqueName('shared-list'));
    await until(() => events.some((e) => e.id === id && e.action === 'create'), 10_000, 'create event');
    expect(await busyboxUses()).toBeGreaterThanOrEqual(before + 1);
    expect(everyContainerLists()).toBeGreaterThanOrEqual(1);
  });
});
