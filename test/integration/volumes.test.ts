import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortholeCore } from '../../main/core';
import { startCore } from '../support/core';
import { invoke } from '../support/api';
import { docker, dockerCli, busyboxImage, testLabels, RUN_ID, TEST_LABEL } from '../support/engine';
import { uniqueName } from '../support/run-id';

let core: PortholeCore;

beforeAll(async () => {
  core = await startCore();
});
afterAll(() => core?.stop());

describe('volumes', () => {
  it('creates a volume, sees a container write to it, browses and downloads the file, refuses removal in use, removes after', async () => {
    const name = uniqueName('vol');
    const created = await invoke(core, 'volumes:create', { name, labels: testLabels() });
    expect(created.ok && created.data.name).toBe(name);

    const writer = uniqueName('writer');
    const content = `data that outlives a container ${RUN_ID}\n`;
    await dockerCli('run', '--name', writer, '--label', `${TEST_LABEL}=${RUN_ID}`, '-v', `${name}:/data`, busyboxImage(), '/bin/busybox', 'sh', '-c', `mkdir -p /data/logs && printf '%s' '${content}' > /data/logs/app.txt && printf x > /data/top.txt`);

    const list = await invoke(core, 'volumes:list', {});
    expect(list.ok).toBe(true);
    const mine = list.ok ? list.data.find((v) => v.name === name) : undefined;
    expect(mine?.driver).toBe('local');
    expect(mine?.mountpoint).toContain(name);
    expect(mine?.usedBy.map((u) => [u.name, u.destination])).toEqual([[writer, '/data']]);

    const root = await invoke(core, 'volumes:browse', { name, path: '' });
    expect(root.ok && root.data.entries.map((e) => [e.name, e.type])).toEqual([
      ['logs', 'directory'],
      ['top.txt', 'file'],
    ]);
    const logs = await invoke(core, 'volumes:browse', { name, path: 'logs' });
    expect(logs.ok && logs.data.entries.map((e) => [e.path, e.sizeBytes])).toEqual([['logs/app.txt', Buffer.byteLength(content)]]);

    const file = await invoke(core, 'volumes:download', { name, path: 'logs/app.txt' });
    expect(file.ok).toBe(true);
    if (file.ok) expect(Buffer.from(file.data.base64, 'base64').toString()).toBe(content);

    const escape = await invoke(core, 'volumes:browse', { name, path: '../../etc' });
    expect(!escape.ok && escape.error.code).toBe('VALIDATION');
    const missing = await invoke(core, 'volumes:download', { name, path: 'nope.txt' });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');

    // The helper containers used for browsing are gone.
    const helpers = await docker.listContainers({ all: true, filters: { label: [`porthole.volume=${name}`] } });
    expect(helpers).toEqual([]);

    const sizes = await invoke(core, 'volumes:sizes', {});
    expect(sizes.ok && sizes.data[name]).toBeGreaterThanOrEqual(Buffer.byteLength(content) + 1);

    const refused = await invoke(core, 'volumes:remove', { name });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('CONFLICT');
      expect(refused.error.message).toContain(writer);
    }
    await dockerCli('rm', writer);
    const removed = await invoke(core, 'volumes:remove', { name });
    expect(removed).toEqual({ ok: true, data: { name } });
    await expect(docker.getVolume(name).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe('networks', () => {
  it('creates a bridge network, connects and disconnects a container, refuses removal while attached, removes it', async () => {
    const name = uniqueName('net');
    const created = await invoke(core, 'networks:create', { name, subnet: undefined, labels: testLabels() });
    expect(created.ok && created.data.driver).toBe('bridge');
    const id = created.ok ? created.data.id : '';
    const box = uniqueName('netbox');
    const { runBusybox } = await import('../support/engine');
    await runBusybox(box);

    expect(await invoke(core, 'networks:connect', { id, container: box })).toMatchObject({ ok: true });
    const listed = await invoke(core, 'networks:list', {});
    const net = listed.ok ? listed.data.find((n) => n.id === id) : undefined;
    expect(net?.containers.map((c) => c.name)).toEqual([box]);
    expect(net?.subnets.length).toBe(1);
    expect(listed.ok && listed.data.find((n) => n.name === 'bridge')?.builtIn).toBe(true);

    const refused = await invoke(core, 'networks:remove', { id });
    expect(!refused.ok && refused.error.code).toBe('CONFLICT');
    expect(await invoke(core, 'networks:disconnect', { id, container: box })).toMatchObject({ ok: true });
    expect(await invoke(core, 'networks:remove', { id })).toEqual({ ok: true, data: { id } });
    await dockerCli('rm', '-f', box);
  });
});
