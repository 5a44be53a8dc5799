import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortholeCore } from '../../main/core';
import { detectPlan } from '../../main/deploy/detect';
import type { DeployPlan } from '../../shared/api/deploy';
import { startCore } from '../support/core';
import { invoke, invokeOk } from '../support/api';
import { dockerCli } from '../support/engine';
import { LOCAL_REGISTRY, deleteFromRegistry, pushNodeBaseImage } from '../support/base-images';
import { answers, serviceName, startSwarmEngine, until, type SwarmEngine } from '../support/swarm-engine';
import { RUN_ID, TEST_LABEL } from '../support/run-id';

/**
 * Issue #16's Node leg: the Node fixture planned as Porthole's one-click deploy plans it, built on the shared
 * engine, pushed to the local registry, and run from there as a Swarm service on the second dockerd.
 */
let engine: SwarmEngine;
let core: PortholeCore;
let folder: string;
let plan: DeployPlan;
const labels = { [TEST_LABEL]: RUN_ID };
const name = serviceName('node');
const repo = `porthole-test-${RUN_ID}/${name}`;
const image = `${LOCAL_REGISTRY}/${repo}:v1`;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'porthole-swarm-node-'));
  await cp(join(__dirname, '../fixtures/deploy/node-start-script'), folder, { recursive: true });
  // The only Node base image here is this host's node: ask for its major.
  await writeFile(join(folder, 'package.json'), JSON.stringify({ name: 'hello-node', engines: { node: process.versions.node.split('.')[0] }, scripts: { start: 'node server.js' } }));
  await pushNodeBaseImage();
  plan = await detectPlan(folder, { registryMirror: LOCAL_REGISTRY, overrides: { name } });
  await writeFile(join(folder, plan.dockerfilePath), plan.dockerfile);
  if (plan.dockerignore) await writeFile(join(folder, '.dockerignore'), plan.dockerignore);
  // What a user does to run it on a Swarm: build it, push it to a registry, drop the local copy.
  await dockerCli('build', '-q', '--label', `${TEST_LABEL}=${RUN_ID}`, '-f', join(folder, plan.dockerfilePath), '-t', image, folder);
  await dockerCli('push', image);
  await dockerCli('image', 'rm', image);
  engine = await startSwarmEngine();
  core = await startCore({
    discover: () => ({ target: { endpoint: engine.dockerHost, source: 'test swarm engine', options: { socketPath: engine.socketPath } }, tried: [] }),
  });
}, 240_000);

afterAll(async () => {
  core?.stop();
  if (engine) {
    await engine.cli('service', 'rm', name).catch(() => '');
    await engine.stop();
  }
  await dockerCli('image', 'rm', '-f', image).catch(() => '');
  await deleteFromRegistry(repo, 'v1');
  if (folder) await rm(folder, { recursive: true, force: true });
}, 60_000);

describe('the Node fixture as a Swarm service (single-node Swarm, image from the local registry)', () => {
  it('runs 2 replicas with host-mode ports and the app\'s PORT; each answers; removing it leaves nothing', async () => {
    expect(plan).toMatchObject({ runtime: 'node', port: 3000, startArgs: ['node', 'server.js'] });
    expect(plan.dockerfile).toContain(`FROM ${LOCAL_REGISTRY}/library/node:`);

    // PORT differs from the plan's 3000 (the image's ENV): the answer on 8080 shows the service's env reached the app.
    await invokeOk(core, 'swarm:create', { name, image, replicas: 2, ports: [{ target: 8080, mode: 'host' }], env: [{ key: 'PORT', value: '8080' }], labels });
    await until('two replicas answer', () => answers(core, name), (a) => a.length === 2 && a.every((x) => x === 'hello from node'), 120_000);
    const tasks = (await invokeOk(core, 'swarm:tasks', { service: name })).filter((t) => t.state === 'running');
    expect(tasks.map((t) => t.image)).toEqual([image, image]);
    expect(new Set(tasks.map((t) => t.ports[0].published)).size).toBe(2);
    expect((await invokeOk(core, 'swarm:services', {})).find((s) => s.name === name)).toMatchObject({
      replicasDesired: 2,
      replicasRunning: 2,
      ports: [{ target: 8080, published: null, mode: 'host', protocol: 'tcp' }],
    });

    await invokeOk(core, 'swarm:remove', { service: name });
    await until('no task container left', () => engine.cli('ps', '-aq', '--filter', `label=com.docker.swarm.service.name=${name}`), (out) => out === '');
    expect((await invokeOk(core, 'swarm:services', {})).map((s) => s.name)).not.toContain(name);
    const gone = await invoke(core, 'swarm:tasks', { service: name });
    expect(gone.ok === false && gone.error.code).toBe('NOT_FOUND');
    // The image the swarm pulled goes too.
    await engine.cli('image', 'rm', image);
    expect(await engine.cli('image', 'ls', '-q', image)).toBe('');
  }, 180_000);
});
