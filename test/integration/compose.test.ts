/**
 * Compose projects on the real engine through Debian's docker-compose: up/stop/down through the API,
 * projects found from labels, merged logs, and the checks that run before compose starts anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import type { PortholeCore } from '../../main/core';
import type { ComposeProjectView } from '../../shared/compose/group-projects';
import { startCore } from '../support/core';
import { invoke, invokeOk } from '../support/api';
import { collectStream, openStream, until } from '../support/api-stream';
import { docker } from '../support/engine';
import { findFreePort } from '../../main/lib/ports';
import { composeCli, removeComposeFolders, removeProject, twoServiceCompose, uniqueProject, writeComposeFolder } from '../support/compose';

let core: PortholeCore;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  core = await startCore();
});
afterAll(async () => {
  for (const c of cleanups) await c();
  await removeComposeFolders();
  await core?.stop();
});

async function project(name: string): Promise<ComposeProjectView | undefined> {
  return (await invokeOk(core, 'compose:projects', {})).find((p) => p.name === name);
}

describe('compose projects', () => {
  it('finds the installed compose and says which one', async () => {
    const binary = await invokeOk(core, 'compose:binary', {});
    expect(binary.found).toBe(true);
    if (binary.found) expect(binary.version).toMatch(/^\d+\.\d+/);
  });

  it('up → listed with both services → web answers → merged logs → stop one → down keeps the volume', async () => {
    const port = (await findFreePort(18_100))!;
    const name = uniqueProject();
    const dir = await writeComposeFolder({ 'compose.yaml': twoServiceCompose(port) });
    cleanups.push(() => removeProject(dir, name));

    const preview = await invokeOk(core, 'compose:open', { path: dir, projectName: name });
    expect(preview.services.map((s) => s.name)).toEqual(['web', 'worker']);
    expect(preview.services[0].envNames).toEqual(['GREETING']);
    expect(JSON.stringify(preview)).not.toContain('secret-value');
    expect(preview.services[1].dependsOn).toEqual(['web']);

    const up = await collectStream(core, 'compose:run', { action: 'up', project: name, files: preview.files, workingDir: dir });
    expect(up.error).toBeNull();
    expect(up.events[0]).toMatchObject({ kind: 'started' });
    expect(up.events.at(-1)).toMatchObject({ kind: 'done', exitCode: 0 });

    const listed = await project(name);
    expect(listed?.services.map((s) => s.name)).toEqual(['web', 'worker']);
    expect(listed?.state).toBe('running');
    await until(() => true);
    let body = '';
    for (let i = 0; i < 40 && !body; i++) {
      body = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text()).catch(() => '');
      if (!body) await new Promise((r) => setTimeout(r, 100));
    }
    expect(body).toContain('hello-from-web');

    // Merged logs: both prefixes, in time order.
    await new Promise((r) => setTimeout(r, 700));
    const logs = await collectStream(core, 'compose:logs', { project: name, follow: false, tail: 100 });
    const lines = logs.events.flat();
    expect(new Set(lines.map((l) => l.service))).toEqual(new Set(['web', 'worker']));
    expect(lines.map((l) => l.timeMs)).toEqual([...lines.map((l) => l.timeMs)].sort((a, b) => a - b));
    expect(lines.some((l) => l.service === 'web' && l.text.includes('web ready'))).toBe(true);

    // Following, filtered to one service.
    const follow = openStream(core, 'compose:logs', { project: name, services: ['worker'], tail: 0 });
    await until(() => follow.data.flat().some((l) => l.text.includes('worker tick')), 10_000, 'a followed worker line');
    expect(follow.data.flat().every((l) => l.service === 'worker')).toBe(true);
    follow.close();

    // Stop one service: the engine's event arrives and the project is partial.
    const died = new Promise<void>((resolve) => {
      const on = (e: { type: string; action: string; attributes: Record<string, string> }) => {
        if (e.type === 'container' && e.action === 'die' && e.attributes['com.docker.compose.project'] === name && e.attributes['com.docker.compose.service'] === 'worker') {
          core.connection.off('event', on);
          resolve();
        }
      };
      core.connection.on('event', on);
    });
    const stop = await collectStream(core, 'compose:run', { action: 'stop', project: name, services: ['worker'] });
    expect(stop.error).toBeNull();
    await died;
    expect((await project(name))?.state).toBe('partial');

    // down: a volume goes only when confirmed by name.
    const downPreview = await invokeOk(core, 'compose:down-preview', { project: name });
    expect(downPreview.volumes.map((v) => v.name)).toEqual([`${name}_data`]);
    const refused = await collectStream(core, 'compose:run', { action: 'down', project: name, removeVolumes: true });
    expect(refused.error?.code).toBe('VALIDATION');
    expect(refused.events).toEqual([]);
    const down = await collectStream(core, 'compose:run', { action: 'down', project: name });
    expect(down.error).toBeNull();
    expect(await project(name)).toBeUndefined();
    expect(await docker.listNetworks({ filters: { label: [`com.docker.compose.project=${name}`] } })).toEqual([]);
    expect((await docker.listVolumes({ filters: { label: [`com.docker.compose.project=${name}`] } })).Volumes?.map((v) => v.Name)).toEqual([`${name}_data`]);
  }, 120_000);

  it('sees a project the CLI started outside Porthole from the engine events, without a re-list', async () => {
    const port = (await findFreePort(18_300))!;
    const name = uniqueProject();
    const dir = await writeComposeFolder({ 'compose.yaml': twoServiceCompose(port) });
    cleanups.push(() => removeProject(dir, name));
    const started = new Promise<void>((resolve) => {
      const on = (e: { type: string; action: string; attributes: Record<string, string> }) => {
        if (e.type === 'container' && e.action === 'start' && e.attributes['com.docker.compose.project'] === name) {
          core.connection.off('event', on);
          resolve();
        }
      };
      core.connection.on('event', on);
    });
    await composeCli(dir, name, 'up', '-d');
    await started;
    const p = await project(name);
    expect(p?.workingDir).toBe(dir);
    expect(p?.configFiles[0]).toContain('compose.yaml');
    // Actions work on a CLI project from its labels alone.
    const stop = await collectStream(core, 'compose:run', { action: 'stop', project: name });
    expect(stop.error).toBeNull();
    expect((await project(name))?.state).toBe('stopped');
  }, 90_000);

  it('a broken file gets line, column and the schema words; nothing starts', async () => {
    const name = uniqueProject();
    const dir = await writeComposeFolder({ 'compose.yaml': 'services:\n  web:\n    image: x\n    prots:\n      - "80:80"\n' });
    const preview = await invokeOk(core, 'compose:open', { path: dir, projectName: name });
    expect(preview.problems[0]).toMatchObject({ line: 4, column: 5, path: 'services.web.prots' });
    expect(preview.problems[0].message).toMatch(/"prots" is not allowed.*additional properties/);
    const yamlBroken = await writeComposeFolder({ 'docker-compose.yml': 'services:\n  web:\n    image: [x\n' });
    const p2 = await invokeOk(core, 'compose:open', { path: yamlBroken });
    expect(p2.problems[0].line).toBeGreaterThan(0);
    const up = await collectStream(core, 'compose:run', { action: 'up', project: name, files: preview.files, workingDir: dir });
    expect(up.error?.code).toBe('VALIDATION');
    expect(up.error?.message).toContain(':4:5');
    expect(await project(name)).toBeUndefined();
  });

  it('a taken host port is caught before anything starts', async () => {
    const blocker: Server = createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '0.0.0.0', () => resolve((blocker.address() as { port: number }).port)));
    try {
      const name = uniqueProject();
      const dir = await writeComposeFolder({ 'compose.yaml': twoServiceCompose(port) });
      cleanups.push(() => removeProject(dir, name));
      const preview = await invokeOk(core, 'compose:open', { path: dir, projectName: name });
      expect(preview.services[0].ports[0]).toMatchObject({ hostPort: port, taken: true });
      const up = await collectStream(core, 'compose:run', { action: 'up', project: name, files: preview.files, workingDir: dir });
      expect(up.error?.code).toBe('PORT_IN_USE');
      expect(up.events).toEqual([]);
      expect((await docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${name}`] } })).length).toBe(0);
    } finally {
      blocker.close();
    }
  });

  it('no compose installed → says what to install, starts nothing', async () => {
    const { ComposeService } = await import('../../main/compose/compose-service');
    const service = new ComposeService(core.connection, () => ({ ...process.env, PATH: '/nonexistent' }));
    const binary = await service.binary();
    expect(binary.found).toBe(false);
    if (!binary.found) expect(binary.install).toMatch(/docker-compose/);
    const name = uniqueProject();
    const dir = await writeComposeFolder({ 'compose.yaml': twoServiceCompose(18_999) });
    const events: unknown[] = [];
    await expect(service.run({ action: 'up', project: name, files: [`${dir}/compose.yaml`], workingDir: dir, services: [], removeVolumes: false, confirmVolumes: [] }, (e) => events.push(e), new AbortController().signal)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(events).toEqual([]);
    expect(await project(name)).toBeUndefined();
    expect((await invoke(core, 'compose:run' as never, {} as never)).ok).toBe(false);
  });
});
