import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCore } from '../support/core';
import { invoke, invokeOk } from '../support/api';
import { docker, dockerCli } from '../support/engine';
import { ShellContainers } from '../support/shell-image';

const core = useCore();
const shells = new ShellContainers();
const container = (state: 'running' | 'created') => shells.make('files', state === 'running' ? 'run' : 'create');

beforeAll(() => shells.prepare(), 60_000);
afterAll(() => shells.removeAll());

describe('container files', () => {
  it('browses a stopped container, with sizes, modes, owners and symlink targets', async () => {
    const id = await container('created');
    const root = await invokeOk(core, 'files:list', { containerId: id, path: '/' });
    expect(root.entries.map((e) => e.name)).toEqual(expect.arrayContaining(['bin', 'srv', 'tmp']));
    const data = await invokeOk(core, 'files:list', { containerId: id, path: '/srv//data/' });
    expect(data.path).toBe('/srv/data');
    expect(data.entries).toEqual([expect.objectContaining({ name: 'hello.txt', path: '/srv/data/hello.txt', type: 'file', sizeBytes: 21, mode: 0o644, uid: 0 })]);
    const bin = await invokeOk(core, 'files:list', { containerId: id, path: '/bin', limit: 2000 });
    expect(bin.entries.find((e) => e.name === 'sh')).toMatchObject({ type: 'symlink', linkTarget: '/bin/busybox' });
    // Paged: the pages join up to the whole folder, without repeats.
    const names: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 100; page++) {
      const got = await invokeOk(core, 'files:list', { containerId: id, path: '/bin', limit: 100, ...(after ? { after } : {}) });
      names.push(...got.entries.map((e) => e.name));
      if (!got.nextAfter) break;
      after = got.nextAfter;
    }
    expect(names).toEqual(bin.entries.map((e) => e.name));
    expect(names.length).toBeGreaterThan(100);
    // Reading through a symlink gives the target's bytes.
    const text = await invokeOk(core, 'files:read', { containerId: id, path: '/srv/data/hello.txt' });
    expect(Buffer.from(text.base64, 'base64').toString()).toBe('hello from the image\n');
    expect(text.text).toBe(true);
  }, 60_000);

  it('uploads, downloads byte-exact, edits and saves, refuses a climbing path', async () => {
    const id = await container('running');
    const binary = randomBytes(300_000);
    const up = await invokeOk(core, 'files:upload', { containerId: id, folder: '/tmp', files: [{ name: 'blob.bin', base64: binary.toString('base64') }, { name: 'note.txt', base64: Buffer.from('first\n').toString('base64') }] });
    expect(up.written).toEqual(['blob.bin', 'note.txt']);
    const down = await invokeOk(core, 'files:download', { containerId: id, path: '/tmp/blob.bin' });
    expect(down.kind).toBe('file');
    expect(Buffer.from(down.base64, 'base64').equals(binary)).toBe(true);
    expect(await dockerCli('exec', id, 'md5sum', '/tmp/blob.bin')).toContain((await import('node:crypto')).createHash('md5').update(binary).digest('hex'));

    await dockerCli('exec', id, 'chmod', '600', '/tmp/note.txt');
    await invokeOk(core, 'files:save', { containerId: id, path: '/tmp/note.txt', base64: Buffer.from('edited ✓\n').toString('base64') });
    expect(await dockerCli('exec', id, 'cat', '/tmp/note.txt')).toBe('edited ✓');
    expect(await dockerCli('exec', id, 'stat', '-c', '%a', '/tmp/note.txt')).toBe('600');

    const folder = await invokeOk(core, 'files:download', { containerId: id, path: '/srv/data' });
    expect(folder).toMatchObject({ kind: 'tar', name: 'data.tar' });
    expect(Buffer.from(folder.base64, 'base64').toString('latin1')).toContain('hello from the image');

    for (const path of ['/tmp/../etc', '../etc', 'tmp', '/srv/data/../../etc/passwd']) {
      const refused = await invoke(core, 'files:list', { containerId: id, path });
      expect(!refused.ok && refused.error.code, path).toBe('VALIDATION');
    }
    const badName = await invoke(core, 'files:upload', { containerId: id, folder: '/tmp', files: [{ name: '../x', base64: '' }] });
    expect(!badName.ok && badName.error.code).toBe('VALIDATION');
    const missing = await invoke(core, 'files:list', { containerId: id, path: '/nope' });
    expect(!missing.ok && missing.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('/nope') });
    const tooBig = await invoke(core, 'files:read', { containerId: id, path: '/bin/busybox' });
    expect(!tooBig.ok && tooBig.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Download it instead') });
  }, 60_000);

  it('says NOT_FOUND in words when the container is removed mid-browse', async () => {
    const id = await container('running');
    await invokeOk(core, 'files:list', { containerId: id, path: '/' });
    await docker.getContainer(id).remove({ force: true });
    const gone = await invoke(core, 'files:list', { containerId: id, path: '/srv' });
    expect(!gone.ok && gone.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('no longer exists') });
  }, 60_000);
});
