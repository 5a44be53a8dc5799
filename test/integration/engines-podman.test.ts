import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortholeCore } from '../../main/core';
import { ContextsStore } from '../../main/engines/contexts-store';
import { discoverEngine, realDiscoveryEnv } from '../../main/engine/discovery';
import { freeLoopbackPort } from '../../main/vm/free-port';
import { invokeOk } from '../support/api';
import { collectStream, until } from '../support/api-stream';
import { startCore } from '../support/core';
import { busyboxImage, dockerCli } from '../support/engine';
import { testLabels, uniqueName } from '../support/run-id';

const exec = promisify(execFile);

/** Debian's Podman 4.3 serving its Docker-compatible API on a socket of this test's own, reached through the registry. */
describe.skipIf(!existsSync('/usr/bin/podman'))('engines: Podman through `podman system service`', () => {
  let dir: string;
  let service: ChildProcess;
  let core: PortholeCore;
  const image = busyboxImage();
  const name = uniqueName('ph-podman');

  beforeAll(async () => {
    dir = await mkdtemp('/tmp/ph-podman-');
    const socket = join(dir, 'podman.sock');
    service = spawn('podman', ['system', 'service', '--time=0', `unix://${socket}`], { stdio: 'ignore', detached: true });
    await until(() => existsSync(socket), 20_000, 'the podman socket');
    await dockerCli('save', '-o', join(dir, 'busybox.tar'), image);
    await exec('podman', ['load', '-q', '-i', join(dir, 'busybox.tar')]);
    const contexts = new ContextsStore(join(dir, 'docker-config'));
    await contexts.create({ name: 'ph-podman', description: '', host: `unix://${socket}`, skipTlsVerify: false });
    const local = realDiscoveryEnv();
    core = await startCore({
      discover: () => discoverEngine({ ...local, env: { ...local.env, DOCKER_HOST: 'unix:///var/run/docker.sock' } }),
      engines: { contexts, settingsFile: null },
    });
  }, 120_000);

  afterAll(async () => {
    core?.stop();
    await exec('podman', ['rm', '-f', name]).catch(() => {});
    await exec('podman', ['rmi', '-f', `localhost/${image}`]).catch(() => {});
    if (service?.pid) process.kill(-service.pid, 'SIGTERM');
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('switches to Podman and runs the circle there: run with a port, list, logs, stop, remove', async () => {
    const switched = await invokeOk(core, 'engines:switch', { id: 'context:ph-podman' });
    expect(switched.currentId).toBe('context:ph-podman');
    // Podman answers /version in ~1.5 s idle and several seconds while the rest of the suite loads both cores.
    await core.connection.waitUntilConnected(60_000);
    expect(core.connection.status).toMatchObject({ state: 'connected', endpoint: expect.stringContaining('podman.sock') });
    const hostPort = await freeLoopbackPort();
    const ran = await invokeOk(core, 'containers:run', {
      image,
      name,
      command: ['/bin/busybox', 'sh', '-c', 'echo hello-from-podman; exec /bin/busybox httpd -f -p 8080'],
      ports: [{ hostPort, containerPort: 8080 }],
      labels: testLabels(),
    });
    const listed = (await invokeOk(core, 'containers:list', { all: true })).find((c) => c.id === ran.id);
    expect(listed).toMatchObject({ name, state: 'running' });
    expect(listed?.ports).toEqual(expect.arrayContaining([expect.objectContaining({ publicPort: hostPort, privatePort: 8080 })]));
    const logs = await collectStream(core, 'containers:logs', { id: ran.id, follow: false });
    expect(logs.events.flat().map((l) => l.text)).toContain('hello-from-podman');
    await invokeOk(core, 'containers:action', { ids: [ran.id], action: 'stop' });
    expect((await invokeOk(core, 'containers:inspect', { id: ran.id })).state).not.toBe('running');
    await invokeOk(core, 'containers:remove', { ids: [ran.id] });
    expect((await invokeOk(core, 'containers:list', { all: true })).some((c) => c.id === ran.id)).toBe(false);
  }, 150_000);
});
