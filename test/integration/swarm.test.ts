import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortholeCore } from '../../main/core';
import { startCore } from '../support/core';
import { invoke, invokeOk } from '../support/api';
import { openStream } from '../support/api-stream';
import { answers, buildHttpdImage, serviceName, startSwarmEngine, until, type SwarmEngine } from '../support/swarm-engine';
import { RUN_ID, TEST_LABEL } from '../support/run-id';

/**
 * Swarm for real: a second dockerd of the test rig turned into a single-node Swarm (the shared engine
 * stays as it is). Host-mode publishing answers here; the ingress routing mesh does not on this kernel.
 */
let engine: SwarmEngine;
let core: PortholeCore;
const labels = { [TEST_LABEL]: RUN_ID };
const v1 = `porthole-swarm-web:v1-${RUN_ID}`;
const v2 = `porthole-swarm-web:v2-${RUN_ID}`;
const dying = `porthole-swarm-web:dying-${RUN_ID}`;

beforeAll(async () => {
  engine = await startSwarmEngine();
  await buildHttpdImage(engine, v1, 'version one', labels);
  await buildHttpdImage(engine, v2, 'version two', labels);
  await buildHttpdImage(engine, dying, 'never served', labels, '["/bin/busybox", "false"]');
  core = await startCore({
    discover: () => ({ target: { endpoint: engine.dockerHost, source: 'test swarm engine', options: { socketPath: engine.socketPath } }, tried: [] }),
  });
}, 120_000);

afterAll(async () => {
  core?.stop();
  await engine?.stop();
}, 60_000);

/** A v1 web service on port 80 published in host mode; updates roll one task at a time, start-first, back on failure. */
const createWebService = (name: string, replicas: number) =>
  invokeOk(core, 'swarm:create', {
    name,
    image: v1,
    replicas,
    ports: [{ target: 80, mode: 'host' }],
    labels,
    update: { parallelism: 1, delayMs: 0, order: 'start-first', failureAction: 'rollback', monitorMs: 2_000 },
  });

describe('Swarm services on a single-node Swarm', () => {
  it('reports the engine as a Swarm manager with one node', async () => {
    expect(await invokeOk(core, 'swarm:status', {})).toMatchObject({ state: 'active', isManager: true, nodes: 1 });
    const nodes = await invokeOk(core, 'swarm:nodes', {});
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({ role: 'manager', leader: true, availability: 'active', state: 'ready' });
    const again = await invoke(core, 'swarm:init', {});
    expect(again.ok === false && again.error.code).toBe('CONFLICT');
  });

  it('deploys with 2 replicas and host-mode ports, scales 2 → 3 → 1, updates rolling, rolls back in one click, removes leaving nothing', async () => {
    const name = serviceName('web');
    await createWebService(name, 2);
    await until('two replicas answer v1', () => answers(core, name), (a) => a.length === 2 && a.every((x) => x === 'version one'));
    const listed = (await invokeOk(core, 'swarm:services', {})).find((s) => s.name === name)!;
    expect(listed).toMatchObject({ image: v1, replicasDesired: 2, replicasRunning: 2 });
    expect(listed.ports).toEqual([{ target: 80, published: null, mode: 'host', protocol: 'tcp' }]);

    await invokeOk(core, 'swarm:scale', { service: name, replicas: 3 });
    await until('three running', async () => (await invokeOk(core, 'swarm:services', {})).find((s) => s.name === name)!.replicasRunning, (n) => n === 3);
    await invokeOk(core, 'swarm:scale', { service: name, replicas: 1 });
    await until('one running', () => answers(core, name), (a) => a.length === 1);

    // Rolling update: followed task by task until the engine says it completed; nothing left on v1.
    const update = openStream(core, 'swarm:update', { service: name, image: v2 });
    expect(await update.finished).toEqual({ kind: 'end' });
    expect(update.data.at(-1)).toMatchObject({ done: 1, total: 1 });
    expect(update.data.some((e) => e.tasks.some((t) => t.image === v2))).toBe(true);
    await until('v2 answers', () => answers(core, name), (a) => a.length === 1 && a[0] === 'version two');
    const running = (await invokeOk(core, 'swarm:tasks', { service: name })).filter((t) => t.desiredState === 'running');
    expect(running.map((t) => t.image)).toEqual([v2]);

    // One click back to the previous version: v1 answers again.
    const back = await invokeOk(core, 'swarm:rollback', { service: name });
    expect(back.name).toBe(name);
    await until('v1 answers after the rollback', () => answers(core, name), (a) => a.length === 1 && a[0] === 'version one');

    await invokeOk(core, 'swarm:remove', { service: name });
    await until('no task left', async () => engine.cli('ps', '-aq', '--filter', `label=com.docker.swarm.service.name=${name}`), (out) => out === '');
    const gone = await invoke(core, 'swarm:tasks', { service: name });
    expect(gone.ok === false && gone.error.code).toBe('NOT_FOUND');
  }, 240_000);

  it('a failing update (a start command that exits) rolls back by itself and says so in words; the old content keeps being served', async () => {
    const name = serviceName('fail');
    await createWebService(name, 1);
    await until('v1 answers', () => answers(core, name), (a) => a.length === 1 && a[0] === 'version one');
    // An image whose start command exits at once: the update's monitor sees the task die and the engine rolls back.
    const update = openStream(core, 'swarm:update', { service: name, image: dying });
    const end = await update.finished;
    expect(end.kind).toBe('error');
    if (end.kind === 'error') expect(end.error.message).toMatch(/did not go through|rollback/);
    await until('v1 still answers', () => answers(core, name), (a) => a.length === 1 && a[0] === 'version one');
    await invokeOk(core, 'swarm:remove', { service: name });
  }, 180_000);

  it('follows logs merged across tasks, each line naming its task', async () => {
    const name = serviceName('logs');
    await invokeOk(core, 'swarm:create', {
      name,
      image: v1,
      replicas: 2,
      command: ['/bin/busybox', 'sh', '-c', 'echo hello from $HOSTNAME; exec /bin/busybox sleep 3600'],
      labels,
    });
    await until('two running', async () => (await invokeOk(core, 'swarm:services', {})).find((s) => s.name === name)!.replicasRunning, (n) => n === 2);
    const logs = openStream(core, 'swarm:logs', { service: name, tail: 100, follow: true });
    await until('two hellos', async () => logs.data.flat().filter((l) => l.text.startsWith('hello from')), (l) => l.length === 2, 30_000);
    const lines = logs.data.flat().filter((l) => l.text.startsWith('hello from'));
    expect(new Set(lines.map((l) => l.task)).size).toBe(2);
    expect(lines.every((l) => typeof l.timeMs === 'number')).toBe(true);
    logs.close();
    await invokeOk(core, 'swarm:remove', { service: name });
  }, 120_000);

  it('refuses bad input before the engine sees it', async () => {
    const bad = await invoke(core, 'swarm:create', { name: 'no spaces allowed', image: v1, replicas: 1 } as never);
    expect(bad.ok === false && bad.error.code).toBe('VALIDATION');
    const many = await invoke(core, 'swarm:scale', { service: 'x', replicas: 1000 });
    expect(many.ok === false && many.error.code).toBe('VALIDATION');
  });
});
