import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortholeCore } from '../../main/core';
import { startCore } from '../support/core';
import { invoke } from '../support/api';
import { busyboxImage, docker, dockerCli, makeContext, RUN_ID, TEST_LABEL } from '../support/engine';
import { uniqueName } from '../support/run-id';

// A label of this file alone: other suites of this run (and other engineers' runs) make objects at the same time.
const SCOPE_KEY = 'porthole.prune-test';
const scopeValue = uniqueName('prune');
const label = `${SCOPE_KEY}=${scopeValue}`;
const labelArgs = ['--label', `${TEST_LABEL}=${RUN_ID}`, '--label', label];
let core: PortholeCore;

beforeAll(async () => {
  core = await startCore();
});
afterAll(() => core?.stop());

async function stoppedContainer(): Promise<string> {
  return dockerCli('create', ...labelArgs, '--name', uniqueName('prunable'), busyboxImage(), '/bin/busybox', 'sleep', '3600');
}

describe('prune removes exactly what it previewed', () => {
  it('containers: a container started between preview and prune is skipped and reported, the rest removed', async () => {
    const ids = [await stoppedContainer(), await stoppedContainer(), await stoppedContainer()];
    const running = await dockerCli('run', '-d', ...labelArgs, '--name', uniqueName('busy'), busyboxImage(), '/bin/busybox', 'sleep', '3600');

    const preview = await invoke(core, 'system:prune-preview', { kind: 'containers', label });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.data.items.map((i) => i.id).sort()).toEqual([...ids].sort());
    expect(preview.data.items.map((i) => i.id)).not.toContain(running);

    await dockerCli('start', ids[2]);
    const result = await invoke(core, 'system:prune', { kind: 'containers', label, ids: preview.data.items.map((i) => i.id) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.removed.map((i) => i.id).sort()).toEqual([ids[0], ids[1]].sort());
    expect(result.data.skipped).toHaveLength(1);
    expect(result.data.skipped[0].id).toBe(ids[2]);
    expect(result.data.skipped[0].reason).toMatch(/running/);

    const left = await docker.listContainers({ all: true, filters: { label: [label] } });
    expect(left.map((c) => c.Id).sort()).toEqual([ids[2], running].sort());
    await dockerCli('rm', '-f', ids[2], running);
  });

  it('images: previews the labelled dangling image with its size and removes exactly it', async () => {
    const dir = await makeContext({ Dockerfile: `FROM ${busyboxImage()}\nCOPY marker /marker\n`, marker: scopeValue });
    const dangling = await dockerCli('build', '-q', ...labelArgs, dir);
    await rm(dir, { recursive: true, force: true });
    const preview = await invoke(core, 'system:prune-preview', { kind: 'images', label });
    expect(preview.ok && preview.data.items.map((i) => i.id)).toEqual([dangling]);
    expect(preview.ok && preview.data.totalBytes).toBeGreaterThan(0);

    const result = await invoke(core, 'system:prune', { kind: 'images', label, ids: [dangling] });
    expect(result.ok && result.data.removed.map((i) => i.id)).toEqual([dangling]);
    await expect(docker.getImage(dangling).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it('volumes: need their own confirmation, and a volume taken into use after the preview is kept', async () => {
    const free = uniqueName('freevol');
    const taken = uniqueName('takenvol');
    for (const v of [free, taken]) await dockerCli('volume', 'create', ...labelArgs, v);
    const preview = await invoke(core, 'system:prune-preview', { kind: 'volumes', label });
    expect(preview.ok && preview.data.items.map((i) => i.id).sort()).toEqual([free, taken].sort());
    const ids = preview.ok ? preview.data.items.map((i) => i.id) : [];

    const unconfirmed = await invoke(core, 'system:prune', { kind: 'volumes', label, ids });
    expect(!unconfirmed.ok && unconfirmed.error.code).toBe('VALIDATION');
    expect((await docker.listVolumes({ filters: { label: [label] } })).Volumes).toHaveLength(2);

    const user = await dockerCli('create', ...labelArgs, '-v', `${taken}:/data`, busyboxImage(), '/bin/busybox', 'true');
    const result = await invoke(core, 'system:prune', { kind: 'volumes', label, ids, confirmVolumes: true });
    expect(result.ok && result.data.removed.map((i) => i.id)).toEqual([free]);
    expect(result.ok && result.data.skipped.map((i) => [i.id, i.reason])).toEqual([[taken, 'a container uses it now']]);
    await dockerCli('rm', user);
    await dockerCli('volume', 'rm', taken);
  });

  it('a labelled preview never includes build cache (it has no labels) and disk usage adds up', async () => {
    const cache = await invoke(core, 'system:prune-preview', { kind: 'build-cache', label });
    expect(cache).toEqual({ ok: true, data: { kind: 'build-cache', items: [], totalBytes: 0 } });
    const df = await invoke(core, 'system:disk-usage', {});
    expect(df.ok).toBe(true);
    if (!df.ok) return;
    for (const c of [df.data.images, df.data.containers, df.data.volumes, df.data.buildCache]) {
      expect(c.reclaimableBytes).toBeLessThanOrEqual(c.sizeBytes);
      expect(c.active).toBeLessThanOrEqual(c.count);
    }
    expect(df.data.images.count).toBeGreaterThan(0);
  });
});
