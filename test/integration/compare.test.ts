import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompareModel } from '../../shared/api/compare';
import type { StreamMessage } from '../../shared/api/contract';
import { parseSize } from '../../shared/compare-units';
import { memoryWithoutCache, type RawStats } from '../../main/engine/stats-math';
import type { PortholeCore } from '../../main/core';
import { startCore } from '../support/core';
import { docker, dockerCli, runBusybox } from '../support/engine';
import { uniqueName } from '../support/run-id';

const exec = promisify(execFile);
const ctx = { connectionId: 'compare-test' };
const MEMORY_TOLERANCE = (bytes: number) => Math.max(512 * 1024, bytes * 0.15);

let core: PortholeCore;
let ids: string[] = [];
let t0 = 0;
let profilesDir = '';

beforeAll(async () => {
  profilesDir = await mkdtemp(join(tmpdir(), 'porthole-compare-'));
  process.env.PORTHOLE_DATA_DIR = profilesDir;
  core = await startCore();
  t0 = Date.now();
  ids = [
    await runBusybox(uniqueName('cmp-sleep')),
    await runBusybox(uniqueName('cmp-web'), ['/bin/busybox', 'httpd', '-f', '-p', '8080'], ['-p', '127.0.0.1::8080']),
  ];
});

afterAll(async () => {
  await Promise.all(ids.map((id) => docker.getContainer(id).remove({ force: true }).catch(() => {})));
  core?.stop();
});

/** Opens compare:watch through the router, as the panel does, and collects its models. */
function watch(profileId = 'azure-b1s') {
  const models: CompareModel[] = [];
  const errors: unknown[] = [];
  const id = `cmp-${Math.random().toString(36).slice(2)}`;
  core.router.subscribe(ctx, id, 'compare:watch', { profileId }, (m: StreamMessage<unknown>) => {
    if (m.kind === 'data') models.push(m.data as CompareModel);
    if (m.kind === 'error') errors.push(m.error);
  });
  return { id, models, errors, close: () => core.router.unsubscribe(ctx, id) };
}

async function until<T>(fn: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ours = (m: CompareModel) => m.containers.filter((c) => ids.includes(c.id));

describe('compare:watch (the Container vs VM panel model)', () => {
  it('matches the engine’s stats, /system/df and the profile arithmetic, and stops when unsubscribed', async () => {
    const before = core.router.openStreamCount();
    const w = watch();
    expect(core.router.openStreamCount()).toBe(before + 1);

    // Second sample onwards: CPU over an interval; the web container's port has answered.
    const model = await until(() => {
      const m = w.models.at(-1);
      if (!m) return undefined;
      const mine = ours(m);
      return mine.length === 2 && mine.every((c) => c.cpuPercent !== null) && mine.some((c) => c.readyMs !== null) ? m : undefined;
    });
    const [rawA, rawB, cliStats, df] = await Promise.all([
      docker.getContainer(ids[0]).stats({ stream: false, 'one-shot': true } as never) as unknown as Promise<RawStats>,
      docker.getContainer(ids[1]).stats({ stream: false, 'one-shot': true } as never) as unknown as Promise<RawStats>,
      dockerCli('stats', '--no-stream', '--format', '{{json .}}', ...ids),
      docker.df() as Promise<{ Images: { Id: string; Size: number }[]; Containers: { Id: string; SizeRw?: number; ImageID: string }[] }>,
    ]);
    const waited = Date.now() - t0;
    expect(w.errors).toEqual([]);

    const cli = new Map(cliStats.split('\n').map((line) => {
      const row = JSON.parse(line) as { ID: string; MemUsage: string };
      return [row.ID, parseSize(row.MemUsage.split('/')[0])!] as const;
    }));
    for (const [raw, id] of [[rawA, ids[0]], [rawB, ids[1]]] as const) {
      const c = ours(model).find((x) => x.id === id)!;
      const engine = memoryWithoutCache(raw);
      expect(Math.abs(c.memoryBytes - engine)).toBeLessThanOrEqual(MEMORY_TOLERANCE(engine));
      const fromCli = cli.get(id.slice(0, 12))!;
      expect(fromCli).toBeGreaterThan(0);
      expect(Math.abs(c.memoryBytes - fromCli)).toBeLessThanOrEqual(MEMORY_TOLERANCE(fromCli));
      expect(c.pids).toBeGreaterThanOrEqual(1);

      const dfContainer = df.Containers.find((x) => x.Id === id)!;
      expect(c.writableBytes).toBe(dfContainer.SizeRw ?? 0);
      expect(c.imageBytes).toBe(df.Images.find((i) => i.Id === dfContainer.ImageID)!.Size);

      // Porthole watched these start: engine event times, create → start.
      expect(c.startSource).toBe('events');
      expect(c.startMs).toBeGreaterThan(0);
      expect(c.startMs!).toBeLessThan(waited);
    }
    const web = ours(model).find((c) => c.id === ids[1])!;
    expect(web.readyPort).toBeGreaterThan(0);
    expect(web.readyMs!).toBeGreaterThanOrEqual(web.startMs!);
    expect(web.readyMs!).toBeLessThan(waited);

    // The VM side is the profile's arithmetic for the same count.
    const profile = model.vm.profile;
    expect(profile.id).toBe('azure-b1s');
    expect(model.vm.count).toBe(model.containers.length);
    for (const c of ours(model)) {
      const vm = model.vm.perVm.find((v) => v.id === c.id)!;
      expect(vm.memoryBytes).toBe(profile.guestMemoryBytes + profile.overheadBytes + c.memoryBytes);
    }
    expect(model.vm.memoryBytes).toBe(model.containers.reduce((s, c) => s + profile.guestMemoryBytes + profile.overheadBytes + c.memoryBytes, 0));
    expect(model.vm.diskBytes).toBe(30 * 1000 ** 3 * model.containers.length);
    expect(model.vm.bootMs).toBeNull();
    expect(model.totals.memoryBytes).toBe(model.containers.reduce((s, c) => s + c.memoryBytes, 0));
    const info = await docker.info();
    expect(model.host).toMatchObject({ memoryBytes: info.MemTotal, cpus: info.NCPU });
    const avg = model.totals.memoryBytes / model.totals.count;
    expect(model.density.vmsByCpu).toBe(Math.floor(info.NCPU / profile.vcpus));
    expect(model.density.vmsByMemory).toBe(Math.floor(info.MemTotal / (profile.guestMemoryBytes + avg)));
    expect(model.density.vms).toBe(Math.min(model.density.vmsByCpu, model.density.vmsByMemory));

    // Closing the panel stops the sampling: the stream is gone and no model arrives any more.
    w.close();
    expect(core.router.openStreamCount()).toBe(before);
    await until(() => (core.services.compare.activeWatchers === 0 ? true : undefined), 10_000);
    const count = w.models.length;
    await new Promise((r) => setTimeout(r, 2500));
    expect(w.models.length).toBe(count);
  });

  it('closing the connection also stops it, and an unknown profile is an error a person can read', async () => {
    const before = core.router.openStreamCount();
    watch('firecracker-microvm');
    await until(() => (core.services.compare.activeWatchers > 0 ? true : undefined));
    core.router.closeConnection(ctx.connectionId);
    expect(core.router.openStreamCount()).toBe(before);
    await until(() => (core.services.compare.activeWatchers === 0 ? true : undefined), 10_000);

    const bad = watch('no-such-profile');
    const error = await until(() => bad.errors[0] as { code: string; message: string } | undefined);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(/no VM profile "no-such-profile"/);
  });

  it('`porthole compare --json` prints exactly one JSON object with the model', async () => {
    const { stdout } = await exec('npx', ['tsx', 'main/cli/index.ts', 'compare', '--json', '--profile', 'multipass-default'], {
      env: { ...process.env, PORTHOLE_DATA_DIR: profilesDir },
      maxBuffer: 16 * 1024 * 1024,
    });
    const text = stdout.trim();
    expect(text.startsWith('{') && text.endsWith('}')).toBe(true);
    expect(text.split('\n')).toHaveLength(1);
    const out = JSON.parse(text) as {
      host: { memoryBytes: number; cpus: number };
      containers: { id: string; name: string; memoryBytes: number; cpuPercent: number | null; imageBytes: number; writableBytes: number; startMs: number | null }[];
      totals: { memoryBytes: number };
      vm: { profile: string; memoryBytes: number; diskBytes: number | null; bootMs: number | null; count: number };
      density: { containers: number; vms: number };
    };
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['host', 'containers', 'totals', 'vm', 'density']));
    expect(out.host.memoryBytes).toBeGreaterThan(0);
    expect(out.host.cpus).toBeGreaterThan(0);
    const mine = out.containers.filter((c) => ids.includes(c.id));
    expect(mine).toHaveLength(2);
    for (const c of mine) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'name', 'memoryBytes', 'cpuPercent', 'imageBytes', 'writableBytes', 'startMs']));
      expect(c.memoryBytes).toBeGreaterThan(0);
      expect(c.cpuPercent).not.toBeNull();
      expect(c.imageBytes).toBeGreaterThan(0);
      expect(c.startMs).toBeGreaterThan(0); // from inspect: this CLI process started after them
    }
    expect(out.vm).toMatchObject({ profile: 'multipass-default', count: out.containers.length, bootMs: null, diskBytes: 5 * 1024 ** 3 * out.containers.length });
    expect(out.vm.memoryBytes).toBe(out.containers.length * 1024 ** 3 + out.totals.memoryBytes);
    expect(out.density.vms).toBeGreaterThanOrEqual(0);
    expect(out.density.containers).toBeGreaterThan(0);
  });
});
