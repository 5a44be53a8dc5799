import type { StatsSample } from '../../shared/api/containers';

/** The parts of the engine's /containers/{id}/stats document we read (cgroup v1 and v2). */
export interface RawStats {
  read: string;
  pids_stats?: { current?: number };
  cpu_stats: { cpu_usage: { total_usage: number; percpu_usage?: number[] }; system_cpu_usage?: number; online_cpus?: number };
  precpu_stats: { cpu_usage: { total_usage: number; percpu_usage?: number[] }; system_cpu_usage?: number; online_cpus?: number };
  memory_stats: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes: number; tx_bytes: number }>;
  blkio_stats?: { io_service_bytes_recursive?: { op: string; value: number }[] | null };
}

/** CPU % as the docker CLI computes it: container CPU time delta over system CPU time delta, times CPUs. */
export function cpuPercent(s: RawStats): number {
  const cpuDelta = s.cpu_stats.cpu_usage.total_usage - (s.precpu_stats.cpu_usage?.total_usage ?? 0);
  const systemDelta = (s.cpu_stats.system_cpu_usage ?? 0) - (s.precpu_stats.system_cpu_usage ?? 0);
  const cpus = s.cpu_stats.online_cpus || s.cpu_stats.cpu_usage.percpu_usage?.length || 1;
  if (cpuDelta <= 0 || systemDelta <= 0) return 0;
  return (cpuDelta / systemDelta) * cpus * 100;
}

/** Memory in use without page cache, as `docker stats` shows it (cgroup v2 `inactive_file`, v1 `total_inactive_file`). */
export function memoryWithoutCache(s: RawStats): number {
  const usage = s.memory_stats.usage ?? 0;
  const stats = s.memory_stats.stats ?? {};
  const cache = stats.inactive_file ?? stats.total_inactive_file ?? 0;
  return cache < usage ? usage - cache : usage;
}

export function toStatsSample(s: RawStats): StatsSample {
  let netRxBytes = 0;
  let netTxBytes = 0;
  for (const n of Object.values(s.networks ?? {})) {
    netRxBytes += n.rx_bytes;
    netTxBytes += n.tx_bytes;
  }
  let blockReadBytes = 0;
  let blockWriteBytes = 0;
  for (const entry of s.blkio_stats?.io_service_bytes_recursive ?? []) {
    const op = entry.op.toLowerCase();
    if (op === 'read') blockReadBytes += entry.value;
    else if (op === 'write') blockWriteBytes += entry.value;
  }
  const parsed = Date.parse(s.read);
  return {
    timeMs: Number.isNaN(parsed) || s.read.startsWith('0001-') ? Date.now() : parsed,
    cpuPercent: cpuPercent(s),
    onlineCpus: s.cpu_stats.online_cpus || s.cpu_stats.cpu_usage.percpu_usage?.length || 1,
    memoryBytes: memoryWithoutCache(s),
    memoryLimitBytes: s.memory_stats.limit ?? 0,
    netRxBytes,
    netTxBytes,
    blockReadBytes,
    blockWriteBytes,
    pids: s.pids_stats?.current ?? 0,
  };
}
