import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectPlan } from '../../main/deploy/detect';
import { deployRunParams, type DeployEvent, type DeployResult } from '../../shared/api/deploy';
import type { PortholeError } from '../../shared/errors';
import { docker, dockerCli } from '../support/engine';
import { RUN_ID, TEST_LABEL, uniqueName } from '../support/run-id';
import { LOCAL_REGISTRY, deleteFromRegistry, pushBusyboxBaseImage, pushNodeBaseImage } from '../support/base-images';
import { askForHostNode, copyDeployFixture } from '../support/deploy-apps';
import { useDeployService } from '../support/deploy-service';

beforeAll(async () => {
  await Promise.all([pushNodeBaseImage(), pushBusyboxBaseImage()]);
}, 180_000);
/** Every app this file deployed: its containers and images are removed in teardown, and nothing else. */
const { service, apps, folders } = useDeployService('porthole-deploy-it-');

async function copyFixture(name: string, engines = true): Promise<string> {
  const dir = await copyDeployFixture(name, 'porthole-deploy-it-');
  folders.push(dir);
  if (engines && name.startsWith('node')) await askForHostNode(dir, { name: 'it-app', scripts: { start: 'node server.js' } }, 'replace');
  return dir;
}

async function deploy(folder: string, name: string, options: { port?: number; mirror?: string } = {}): Promise<{ result: DeployResult; events: DeployEvent[] }> {
  if (!apps.includes(name)) apps.push(name);
  const plan = await detectPlan(folder, { registryMirror: options.mirror ?? LOCAL_REGISTRY, overrides: { name, port: options.port } });
  const events: DeployEvent[] = [];
  const params = deployRunParams.parse({ folder, name: plan.name, port: plan.port, dockerfile: plan.dockerfile, dockerignore: plan.dockerignore, waitTimeoutMs: 30_000 });
  const result = await service.run(params, (e) => events.push(e), new AbortController().signal);
  return { result, events };
}

const fetchText = async (url: string) => (await fetch(url)).text();
const appContainers = async (name: string) => docker.listContainers({ all: true, filters: { label: [`porthole.app=${name}`] } });

describe('deploy against the real engine (offline, base images from the local registry mirror)', () => {
  it('deploys a Node app with no dependencies; it answers on its port with the .env value passed at run time', async () => {
    const folder = await copyFixture('node-start-script');
    await writeFile(join(folder, '.env'), 'GREETING=hello from .env\n');
    const name = uniqueName('dep-node');
    const { result, events } = await deploy(folder, name);
    expect(await fetchText(result.url)).toBe('hello from .env');
    const stages = events.filter((e) => e.kind === 'stage' && e.state === 'done').map((e) => (e as { stage: string }).stage);
    // `pull` is done or skipped depending on whether another run left the base image here.
    expect(stages.filter((s) => s !== 'pull')).toEqual(['plan', 'dockerfile', 'build', 'run', 'wait']);
    // Nothing opened a browser here, so `open` is not reported done.
    expect(events).toContainEqual(expect.objectContaining({ kind: 'stage', stage: 'open', state: 'skipped' }));
    // The .env value reached the container, not the image.
    const image = await docker.getImage(result.image).inspect();
    expect(image.Config.Env.join(' ')).not.toContain('GREETING');
    expect(image.Config.User).toBe('node');
    const history = await service.listHistory(name);
    expect(history[0]).toMatchObject({ app: name, result: 'succeeded', url: result.url });
  });

  it('writes nothing into the folder: the Dockerfile and ignore rules stay in memory, and the rules keep node_modules, .git and .env out of the image', async () => {
    const folder = await copyFixture('node-start-script');
    await mkdir(join(folder, 'node_modules/left-pad'), { recursive: true });
    await writeFile(join(folder, 'node_modules/left-pad/index.js'), 'module.exports = 1;\n');
    await mkdir(join(folder, '.git'));
    await writeFile(join(folder, '.git/HEAD'), 'ref: refs/heads/main\n');
    await writeFile(join(folder, '.env'), 'GREETING=hello from .env\n');
    const tree = async () => (await readdir(folder, { recursive: true })).map(String).sort();
    const before = await tree();
    const { result, events } = await deploy(folder, uniqueName('dep-nowrite'));
    expect(await fetchText(result.url)).toBe('hello from .env');
    expect(await tree()).toEqual(before);
    expect(before).not.toContain('Dockerfile.porthole');
    expect(before).not.toContain('.dockerignore');
    expect(events).toContainEqual(expect.objectContaining({ kind: 'stage', stage: 'dockerfile', state: 'done', message: expect.stringContaining('nothing written into the folder') }));
    // busybox is the base image's /bin/sh; the image's app folder holds the code, not what the rules exclude.
    const listed = (await dockerCli('run', '--rm', '--label', `${TEST_LABEL}=${RUN_ID}`, result.image, '/bin/busybox', 'ls', '-a', '/app')).split(/\s+/).filter(Boolean);
    expect(listed).toEqual(expect.arrayContaining(['server.js', 'package.json', '.env.example']));
    for (const hidden of ['node_modules', '.git', '.env', '.dockerignore', '.porthole.Dockerfile', 'Dockerfile.porthole']) expect(listed).not.toContain(hidden);
  });

  it('deploys a static site served by busybox httpd', async () => {
    const folder = await copyFixture('static-site');
    const { result } = await deploy(folder, uniqueName('dep-static'));
    expect(await fetchText(result.url)).toContain('static site v1');
  });

  it('a redeploy after a code change serves the new content and leaves one container; a crashing start keeps the old one serving', async () => {
    const folder = await copyFixture('node-start-script');
    const name = uniqueName('dep-redeploy');
    const first = await deploy(folder, name);
    expect(await fetchText(first.result.url)).toBe('hello from node');

    await writeFile(join(folder, 'server.js'), "require('node:http').createServer((q, s) => s.end('version two')).listen(process.env.PORT);\n");
    const second = await deploy(folder, name);
    expect(second.result.url).toBe(first.result.url);
    expect(await fetchText(second.result.url)).toBe('version two');
    expect((await appContainers(name)).map((c) => c.Names[0])).toEqual([`/${name}`]);

    await writeFile(join(folder, 'server.js'), "console.error('cannot connect to the database'); process.exit(3);\n");
    const error = (await deploy(folder, name).then(() => null, (e: unknown) => e)) as PortholeError | null;
    expect(error?.code).toBe('APP_CRASHED');
    expect(error?.message).toMatch(/exited with code 3/);
    expect((error?.detail as { exitCode: number; logTail: string[] }).exitCode).toBe(3);
    expect((error?.detail as { logTail: string[] }).logTail).toContain('cannot connect to the database');
    // The failed trial never touched the old container: it answers at once, no retry.
    expect(await fetchText(first.result.url)).toBe('version two');
    const left = await appContainers(name);
    expect(left.map((c) => [c.Names[0], c.State])).toEqual([[`/${name}`, 'running']]);
    expect((await service.listHistory(name)).map((h) => h.result)).toEqual(['failed', 'succeeded', 'succeeded']);
  });

  it('pulls a base image that is only in the mirror before building, with layer progress reaching 100 %', async () => {
    // A mirror path of this run's own, so no other run's deploy can have pulled the base image already.
    const mirror = `${LOCAL_REGISTRY}/porthole-test-${RUN_ID}`;
    const base = await pushBusyboxBaseImage({ registry: mirror });
    const name = uniqueName('dep-pull');
    try {
      expect(await docker.getImage(base).inspect().then(() => true, () => false)).toBe(false);
      const folder = await copyFixture('static-site');
      const { result, events } = await deploy(folder, name, { mirror });
      expect(await fetchText(result.url)).toContain('static site v1');

      const stageEvents = events.filter((e) => e.kind === 'stage');
      const pullDone = stageEvents.find((e) => e.stage === 'pull' && e.state === 'done');
      expect(pullDone?.message).toContain(base);
      // The pull finished before the build began.
      expect(stageEvents.indexOf(pullDone!)).toBeLessThan(stageEvents.findIndex((e) => e.stage === 'build' && e.state === 'running'));
      const snapshots = events.flatMap((e) => (e.kind === 'pull' ? [e.progress] : []));
      expect(snapshots.length).toBeGreaterThan(0);
      const last = snapshots[snapshots.length - 1];
      expect(last).toMatchObject({ kind: 'pull', reference: base, percent: 100, done: true });
      expect(last.layers.length).toBeGreaterThan(0);
      expect(last.layers.every((l) => l.fraction === 1)).toBe(true);
      expect(await docker.getImage(base).inspect().then(() => true, () => false)).toBe(true);

      // A second deploy finds the base image here and skips the pull.
      const again = await deploy(folder, name, { mirror });
      expect(again.events.some((e) => e.kind === 'pull')).toBe(false);
      expect(again.events.filter((e) => e.kind === 'stage' && e.stage === 'pull').at(-1)).toMatchObject({ state: 'skipped', message: `${base} already here` });
    } finally {
      for (const c of await appContainers(name)) await docker.getContainer(c.Id).remove({ force: true }).catch(() => {});
      const made = await docker.listImages({ filters: { label: [`porthole.app=${name}`] } });
      for (const image of made) await docker.getImage(image.Id).remove({ force: true }).catch(() => {});
      await docker.getImage(base).remove({ force: true }).catch(() => {});
      await deleteFromRegistry(`porthole-test-${RUN_ID}/library/busybox`, '1.36');
    }
  });

  it('moves to the next free host port when the app\'s port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const folder = await copyFixture('node-start-script');
      const { result, events } = await deploy(folder, uniqueName('dep-port'), { port: taken });
      expect(result.hostPort).toBeGreaterThan(taken);
      expect(result.portMoved).toBe(true);
      expect(events.some((e) => e.kind === 'log' && e.text.includes(`Port ${taken} is in use`))).toBe(true);
      expect(await fetchText(result.url)).toBe('hello from node');
    } finally {
      blocker.close();
    }
  });
});
