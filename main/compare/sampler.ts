import type Dockerode from 'dockerode';
import type { ContainerCost } from '../../shared/api/compare';
import type { EngineConnection } from '../engine/connection';
import { cpuPercent, memoryWithoutCache, type RawStats } from '../engine/stats-math';
import type { HostFacts } from './model';
import type { StartTracker } from './start-tracker';
import { MAX_PLAUSIBLE_START_MS, parseEngineTime, startFromInspect, type InspectFacts } from './start-from-inspect';
import { readDiskUsage } from '../system/disk-usage';
import * as engine from '../engine/gateway';

const DF_MAX_AGE_MS = 10_000;
const INFO_MAX_AGE_MS = 30_000;
const STATS_CONCURRENCY = 8;

interface DiskFacts {
  atMs: number;
  containers: Map<string, { sizeRw: number; sizeRootFs: number }>;
  images: Map<string, number>;
}

export interface Sample {
  host: HostFacts;
  containers: ContainerCost[];
  sampledAtMs: number;
  intervalMs: number | null;
}

/** API ≥ 1.41 answers `one-shot=true&stream=false` at once (no second read); older engines wait ~1 s. */
export function supportsOneShot(apiVersion: string | undefined): boolean {
  const [major, minor] = (apiVersion ?? '').split('.').map(Number);
  return major > 1 || (major === 1 && minor >= 41);
}

const startFromEvents = (ms: number): Pick<ContainerCost, 'startMs' | 'startSource'> =>
  ms > 0 && ms <= MAX_PLAUSIBLE_START_MS ? { startMs: ms, startSource: 'events' } : { startMs: null, startSource: null };

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * Measures the running containers from the engine: stats (one-shot), inspect (cached per container),
 * `/system/df` (sizes; refreshed at most every 10 s, it walks layers) and `/info` (host size). CPU % is
 * computed over the interval between this sample and the previous one of the same container.
 */
export class CompareSampler {
  private readonly previousCpu = new Map<string, { cpu: RawStats['cpu_stats']; atMs: number }>();
  private readonly inspected = new Map<string, InspectFacts>();
  private disk: DiskFacts | null = null;
  private host: { facts: HostFacts; atMs: number } | null = null;
  private lastSampleMs: number | null = null;

  constructor(
    private readonly connection: EngineConnection,
    private readonly tracker: StartTracker,
  ) {}

  private get docker(): Dockerode {
    return this.connection.client();
  }

  async sample(signal?: AbortSignal): Promise<Sample> {
    const listed = await this.docker.listContainers({ all: false, abortSignal: signal } as Dockerode.ContainerListOptions);
    const ids = new Set(listed.map((c) => c.Id));
    for (const id of this.inspected.keys()) if (!ids.has(id)) this.inspected.delete(id);
    for (const id of this.previousCpu.keys()) if (!ids.has(id)) this.previousCpu.delete(id);

    const [host, disk] = await Promise.all([this.hostFacts(), this.diskFacts(ids)]);
    const oneShot = supportsOneShot(this.connection.status.state === 'connected' ? this.connection.status.apiVersion : undefined);
    const measured = await mapLimited(listed, STATS_CONCURRENCY, (c) => this.measure(c, disk, oneShot, signal).catch(() => null));
    const sampledAtMs = Date.now();
    const intervalMs = this.lastSampleMs === null ? null : sampledAtMs - this.lastSampleMs;
    this.lastSampleMs = sampledAtMs;
    return { host, containers: measured.filter((c): c is ContainerCost => c !== null), sampledAtMs, intervalMs };
  }

  private async measure(c: Dockerode.ContainerInfo, disk: DiskFacts, oneShot: boolean, signal?: AbortSignal): Promise<ContainerCost> {
    const container = this.docker.getContainer(c.Id);
    const [raw, facts] = await Promise.all([
      engine.statsOnce<RawStats>(container, oneShot, signal),
      this.inspectFacts(c.Id),
    ]);
    const atMs = Date.parse(raw.read) || Date.now();
    const previous = this.previousCpu.get(c.Id);
    this.previousCpu.set(c.Id, { cpu: raw.cpu_stats, atMs });
    // Our own interval: this sample against our previous one (a one-shot answer has no precpu).
    const cpu = previous ? cpuPercent({ ...raw, precpu_stats: previous.cpu }) : oneShot ? null : cpuPercent(raw);

    const sizes = disk.containers.get(c.Id);
    const imageBytes = disk.images.get(c.ImageID) ?? Math.max(0, (sizes?.sizeRootFs ?? 0) - (sizes?.sizeRw ?? 0));
    const timing = this.tracker.timing(c.Id);
    const start = timing ? startFromEvents(timing.startedMs - timing.createdMs) : startFromInspect(facts);
    return {
      id: c.Id,
      name: (c.Names?.[0] ?? facts.name).replace(/^\//, ''),
      image: c.Image,
      imageId: c.ImageID,
      memoryBytes: memoryWithoutCache(raw),
      cpuPercent: cpu,
      pids: raw.pids_stats?.current ?? 0,
      imageBytes,
      writableBytes: sizes?.sizeRw ?? 0,
      ...start,
      readyMs: timing?.readyAtMs !== undefined ? timing.readyAtMs - timing.createdMs : null,
      readyPort: timing?.readyPort ?? null,
      startedAtMs: facts.startedAtMs,
    };
  }

  private async inspectFacts(id: string): Promise<InspectFacts> {
    const cached = this.inspected.get(id);
    if (cached) return cached;
    const raw = await this.docker.getContainer(id).inspect();
    const facts: InspectFacts = {
      name: raw.Name,
      createdMs: parseEngineTime(raw.Created),
      startedAtMs: parseEngineTime(raw.State.StartedAt),
      restartCount: raw.RestartCount ?? 0,
    };
    this.inspected.set(id, facts);
    return facts;
  }

  private async hostFacts(): Promise<HostFacts> {
    if (this.host && Date.now() - this.host.atMs < INFO_MAX_AGE_MS) return this.host.facts;
    const info = await this.docker.info();
    const facts: HostFacts = {
      memoryBytes: info.MemTotal ?? 0,
      cpus: info.NCPU ?? 1,
      kernelVersion: info.KernelVersion ?? '',
      os: info.OperatingSystem ?? '',
    };
    this.host = { facts, atMs: Date.now() };
    return facts;
  }

  private async diskFacts(running: Set<string>): Promise<DiskFacts> {
    const fresh = this.disk && Date.now() - this.disk.atMs < DF_MAX_AGE_MS && [...running].every((id) => this.disk!.containers.has(id));
    if (fresh && this.disk) return this.disk;
    const df = (await readDiskUsage(this.docker)) as {
      Images?: { Id: string; Size: number }[] | null;
      Containers?: { Id: string; SizeRw?: number; SizeRootFs?: number }[] | null;
    };
    const disk: DiskFacts = { atMs: Date.now(), containers: new Map(), images: new Map() };
    for (const i of df.Images ?? []) disk.images.set(i.Id, i.Size);
    for (const c of df.Containers ?? []) disk.containers.set(c.Id, { sizeRw: c.SizeRw ?? 0, sizeRootFs: c.SizeRootFs ?? 0 });
    this.disk = disk;
    return disk;
  }
}
