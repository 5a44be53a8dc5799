import { describe, expect, it } from 'vitest';
import type { ContainerAction } from '../../shared/api/containers';
import { invoke, invokeOk } from '../support/api';
import { useCore } from '../support/core';
import { removeAfterAll } from '../support/remove-after-all';
import { docker, dockerCli, makeContext, runBusybox, TEST_LABEL, RUN_ID } from '../support/engine';
import { uniqueName } from '../support/run-id';

const made = removeAfterAll();

async function sleeper(prefix: string, extra: string[] = []): Promise<{ id: string; name: string }> {
  const name = uniqueName(prefix);
  // `--init`-less busybox sleep ignores SIGTERM as PID 1: a short stop timeout keeps `stop` quick.
  const id = await runBusybox(name, ['/bin/busybox', 'sleep', '3600'], ['--stop-timeout', '1', ...extra]);
  made.containers.push(id);
  return { id, name };
}

const state = async (id: string) => (await docker.getContainer(id).inspect()).State;

describe('container actions and removal through the API (real dockerd)', () => {
  const core = useCore();

  const act = (ids: string[], action: ContainerAction) => invokeOk(core, 'containers:action', { ids, action });

  it('stop, start (again: 304 counts as success), pause/unpause, restart, kill', async () => {
    const { id } = await sleeper('act');
    expect(await act([id], 'start')).toEqual([{ id, ok: true }]); // already running → 304
    expect((await state(id)).Running).toBe(true);

    expect(await act([id], 'pause')).toEqual([{ id, ok: true }]);
    expect((await state(id)).Paused).toBe(true);
    expect(await act([id], 'unpause')).toEqual([{ id, ok: true }]);
    expect((await state(id)).Paused).toBe(false);

    expect(await act([id], 'stop')).toEqual([{ id, ok: true }]);
    expect((await state(id)).Running).toBe(false);
    expect(await act([id], 'stop')).toEqual([{ id, ok: true }]); // already stopped → 304

    expect(await act([id], 'start')).toEqual([{ id, ok: true }]);
    const startedAt = (await state(id)).StartedAt;
    expect(await act([id], 'restart')).toEqual([{ id, ok: true }]);
    const after = await state(id);
    expect(after.Running).toBe(true);
    expect(after.StartedAt).not.toBe(startedAt);

    expect(await act([id], 'kill')).toEqual([{ id, ok: true }]);
    expect((await state(id)).Status).toBe('exited');
    const killAgain = await act([id], 'kill');
    expect(killAgain).toMatchObject([{ id, ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('not running') } }]);
  });

  it('acts on several containers at once, each with its own outcome', async () => {
    const a = await sleeper('multi');
    const b = await sleeper('multi');
    await dockerCli('rm', '-f', b.id);
    const outcomes = await act([a.id, b.id], 'pause');
    expect(outcomes).toEqual([
      { id: a.id, ok: true },
      { id: b.id, ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining(b.id) } },
    ]);
    await act([a.id], 'unpause');
  });

  it('stop-timeouts: the container\'s own StopTimeout, else the engine\'s 10 s; a gone one is left out', async () => {
    const custom = await sleeper('stop-timeout');
    const name = uniqueName('stop-default');
    const plain = await runBusybox(name);
    made.containers.push(plain);
    const timeouts = await invokeOk(core, 'containers:stop-timeouts', { ids: [custom.id, plain, 'f'.repeat(64)] });
    expect(timeouts).toEqual([
      { id: custom.id, seconds: 1 },
      { id: plain, seconds: 10 },
    ]);
  });

  it('remove-preview measures the writable layer and lists a named volume it keeps; remove keeps the volume', async () => {
    const volume = uniqueName('vol');
    await dockerCli('volume', 'create', '--label', `${TEST_LABEL}=${RUN_ID}`, volume);
    made.volumes.push(volume);
    const { id, name } = await sleeper('preview', ['-v', `${volume}:/data`]);
    const size = 3 * 1024 * 1024;
    await dockerCli('exec', id, '/bin/busybox', 'dd', 'if=/dev/zero', 'of=/big.bin', 'bs=1048576', 'count=3');

    const [p] = await invokeOk(core, 'containers:remove-preview', { ids: [id] });
    expect(p).toMatchObject({ id, name, state: 'running' });
    expect(p.writableBytes).toBeGreaterThanOrEqual(size);
    expect(p.keeps).toEqual([{ type: 'volume', name: volume, source: expect.stringContaining(volume), destination: '/data' }]);

    const refused = await invoke(core, 'containers:remove', { ids: [id] });
    expect(refused).toMatchObject({ ok: true, data: [{ id, ok: false, error: { code: 'CONFLICT' } }] });

    const removed = await invoke(core, 'containers:remove', { ids: [id], force: true });
    expect(removed).toEqual({ ok: true, data: [{ id, ok: true }] });
    await expect(docker.getContainer(id).inspect()).rejects.toMatchObject({ statusCode: 404 });
    expect((await docker.getVolume(volume).inspect()).Name).toBe(volume);

    // Acting on it now that it is gone: the outcome says NOT_FOUND.
    expect(await act([id], 'start')).toMatchObject([{ id, ok: false, error: { code: 'NOT_FOUND' } }]);
    const again = await invoke(core, 'containers:remove', { ids: [id], force: true });
    expect(again).toMatchObject({ ok: true, data: [{ id, ok: false, error: { code: 'NOT_FOUND' } }] });
    expect(await invoke(core, 'containers:remove-preview', { ids: [id] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('images:remove of an image in use → CONFLICT naming the container; removable once it is gone', async () => {
    const tag = `${uniqueName('inuse')}:1`;
    const context = await makeContext({ Dockerfile: `FROM scratch\nCOPY busybox /bin/busybox\nLABEL purpose=${tag}\n` }, { busybox: true });
    await dockerCli('build', '-q', '--label', `${TEST_LABEL}=${RUN_ID}`, '-t', tag, context);
    made.images.push(tag);
    const name = uniqueName('user');
    const id = await dockerCli('create', '--label', `${TEST_LABEL}=${RUN_ID}`, '--name', name, tag, '/bin/busybox', 'true');
    made.containers.push(id);

    const refused = await invoke(core, 'images:remove', { id: tag });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining(name) } });
    expect(!refused.ok && refused.error.detail).toEqual({ usedBy: [{ id, name, state: 'created' }] });
    expect(await docker.getImage(tag).inspect()).toBeTruthy();

    await dockerCli('rm', id);
    const removed = await invoke(core, 'images:remove', { id: tag });
    expect(removed).toMatchObject({ ok: true, data: { removed: expect.arrayContaining([expect.stringContaining(tag)]) } });
    await expect(docker.getImage(tag).inspect()).rejects.toMatchObject({ statusCode: 404 });
    expect(await invoke(core, 'images:remove', { id: tag })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
