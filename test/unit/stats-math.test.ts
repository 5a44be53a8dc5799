import { describe, expect, it } from 'vitest';
import { cpuPercent, memoryWithoutCache, toStatsSample, type RawStats } from '../../main/engine/stats-math';

function raw(over: Partial<RawStats> = {}): RawStats {
  return {
    read: '2024-05-01T10:00:01.5Z',
    cpu_stats: { cpu_usage: { total_usage: 3_000_000_000 }, system_cpu_usage: 20_000_000_000, online_cpus: 4 },
    precpu_stats: { cpu_usage: { total_usage: 2_000_000_000 }, system_cpu_usage: 10_000_000_000, online_cpus: 4 },
    memory_stats: { usage: 100 * 1024 * 1024, limit: 2 * 1024 ** 3, stats: {} },
    ...over,
  };
}

describe('cpuPercent', () => {
  it('is container delta over system delta times the CPU count', () => {
    // 1e9 / 1e10 * 4 * 100 = 40 %
    expect(cpuPercent(raw())).toBeCloseTo(40, 10);
  });

  it('falls back to the per-CPU list, then 1, when online_cpus is missing', () => {
    const s = raw();
    s.cpu_stats = { cpu_usage: { total_usage: 3_000_000_000, percpu_usage: [1, 2] }, system_cpu_usage: 20_000_000_000 };
    expect(cpuPercent(s)).toBeCloseTo(20, 10);
    s.cpu_stats = { cpu_usage: { total_usage: 3_000_000_000 }, system_cpu_usage: 20_000_000_000 };
    expect(cpuPercent(s)).toBeCloseTo(10, 10);
  });

  it('is 0 for zero or negative deltas (first sample, idle container, counter reset)', () => {
    const same = raw();
    same.precpu_stats = structuredClone(same.cpu_stats);
    expect(cpuPercent(same)).toBe(0);
    const noSystem = raw();
    noSystem.precpu_stats.system_cpu_usage = noSystem.cpu_stats.system_cpu_usage;
    expect(cpuPercent(noSystem)).toBe(0);
    const firstOfStoppedEngine = raw({ precpu_stats: { cpu_usage: { total_usage: 0 } }, cpu_stats: { cpu_usage: { total_usage: 0 }, online_cpus: 4 } });
    expect(cpuPercent(firstOfStoppedEngine)).toBe(0);
    const reset = raw();
    reset.cpu_stats.cpu_usage.total_usage = 1;
    expect(cpuPercent(reset)).toBe(0);
  });
});

describe('memoryWithoutCache', () => {
  it('subtracts inactive_file on cgroup v2', () => {
    expect(memoryWithoutCache(raw({ memory_stats: { usage: 1000, limit: 5000, stats: { inactive_file: 300, active_file: 50 } } }))).toBe(700);
  });

  it('subtracts total_inactive_file on cgroup v1', () => {
    expect(memoryWithoutCache(raw({ memory_stats: { usage: 1000, limit: 5000, stats: { total_inactive_file: 250, cache: 400 } } }))).toBe(750);
  });

  it('keeps usage when there is no cache figure, or the cache figure is not below usage', () => {
    expect(memoryWithoutCache(raw({ memory_stats: { usage: 1000 } }))).toBe(1000);
    expect(memoryWithoutCache(raw({ memory_stats: { usage: 1000, stats: { inactive_file: 1000 } } }))).toBe(1000);
    expect(memoryWithoutCache(raw({ memory_stats: {} }))).toBe(0);
  });
});

describe('toStatsSample', () => {
  it('sums networks and block I/O and reads pids and time', () => {
    const sample = toStatsSample(
      raw({
        pids_stats: { current: 7 },
        memory_stats: { usage: 1000, limit: 5000, stats: { inactive_file: 100 } },
        networks: { eth0: { rx_bytes: 10, tx_bytes: 20 }, eth1: { rx_bytes: 1, tx_bytes: 2 } },
        blkio_stats: { io_service_bytes_recursive: [{ op: 'Read', value: 5 }, { op: 'write', value: 6 }, { op: 'Total', value: 11 }, { op: 'read', value: 1 }] },
      }),
    );
    expect(sample).toEqual({
      timeMs: Date.parse('2024-05-01T10:00:01.5Z'),
      cpuPercent: expect.closeTo(40, 10),
      onlineCpus: 4,
      memoryBytes: 900,
      memoryLimitBytes: 5000,
      netRxBytes: 11,
      netTxBytes: 22,
      blockReadBytes: 6,
      blockWriteBytes: 6,
      pids: 7,
    });
  });

  it('copes with a stopped container’s empty document (zero time, null blkio)', () => {
    const sample = toStatsSample(raw({ read: '0001-01-01T00:00:00Z', blkio_stats: { io_service_bytes_recursive: null }, memory_stats: {} }));
    expect(sample.timeMs).toBeGreaterThan(Date.parse('2020-01-01'));
    expect(sample.memoryBytes).toBe(0);
    expect(sample.blockReadBytes).toBe(0);
  });
});
