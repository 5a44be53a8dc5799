import { describe, expect, it } from 'vitest';
import type { ContainerCost } from '../../shared/api/compare';
import { buildModel, containerTotals, density, fitCount, vmMemoryFor, vmSide } from '../../main/compare/model';
import { BUILTIN_PROFILES } from '../../main/compare/builtin-profiles';
import { startFromInspect, parseEngineTime, MAX_PLAUSIBLE_START_MS } from '../../main/compare/start-from-inspect';
import { firstPublishedTcpPort, nanoToMs, StartTracker } from '../../main/compare/start-tracker';
import { supportsOneShot } from '../../main/compare/sampler';
import { GIB, MIB } from '../../shared/compare-units';
import type { EngineConnection } from '../../main/engine/connection';
import { EventEmitter } from 'node:events';

const b1s = BUILTIN_PROFILES.find((p) => p.id === 'azure-b1s')!;
const fc = BUILTIN_PROFILES.find((p) => p.id === 'firecracker-microvm')!;

const cost = (over: Partial<ContainerCost>): ContainerCost => ({
  id: 'a',
  name: 'a',
  image: 'img',
  imageId: 'sha256:1',
  memoryBytes: 1 * MIB,
  cpuPercent: 1,
  pids: 1,
  imageBytes: 2_000_000,
  writableBytes: 10,
  startMs: 300,
  startSource: 'events',
  readyMs: null,
  readyPort: null,
  startedAtMs: 0,
  ...over,
});

describe('compare arithmetic', () => {
  it('counts a shared image once and every writable layer', () => {
    const t = containerTotals([cost({ id: 'a' }), cost({ id: 'b', writableBytes: 5 }), cost({ id: 'c', imageId: 'sha256:2', imageBytes: 1000 })]);
    expect(t.imageBytes).toBe(2_001_000);
    expect(t.writableBytes).toBe(25);
    expect(t.diskBytes).toBe(2_001_025);
    expect(t.memoryBytes).toBe(3 * MIB);
    expect(t.kernels).toBe(0);
  });

  it('treats a first-sample CPU of null as 0 in the total', () => {
    expect(containerTotals([cost({ cpuPercent: null }), cost({ id: 'b', cpuPercent: 12.5 })]).cpuPercent).toBe(12.5);
  });

  it('gives each workload its own VM: guest memory + overhead + workload, one OS disk and one kernel each', () => {
    const vm = vmSide([cost({ memoryBytes: 3 * MIB }), cost({ id: 'b', memoryBytes: 5 * MIB })], fc);
    expect(vm.perVm.map((v) => v.memoryBytes)).toEqual([128 * MIB + 5 * MIB + 3 * MIB, 128 * MIB + 5 * MIB + 5 * MIB]);
    expect(vm.memoryBytes).toBe(2 * 133 * MIB + 8 * MIB);
    expect(vm.diskBytes).toBeNull();
    expect(vm.bootMs).toBe(125);
    expect(vm.kernels).toBe(2);
    const azure = vmSide([cost({}), cost({ id: 'b' })], b1s);
    expect(azure.diskBytes).toBe(2 * 30 * 1000 ** 3);
    expect(azure.vcpus).toBe(2);
    expect(azure.bootMs).toBeNull();
  });

  it('density: containers by memory; VMs by the smaller of memory and vCPUs, and says which', () => {
    const host = { memoryBytes: 16 * GIB, cpus: 4, kernelVersion: '', os: '' };
    const d = density(host, [cost({ memoryBytes: 64 * MIB })], b1s);
    expect(d.containers).toBe(256);
    expect(d.vmsByMemory).toBe(Math.floor((16 * GIB) / (GIB + 64 * MIB)));
    expect(d.vmsByCpu).toBe(4);
    expect(d.vms).toBe(4);
    expect(d.vmsBound).toBe('cpu');
    const big = density({ ...host, cpus: 64 }, [cost({ memoryBytes: 64 * MIB })], b1s);
    expect(big.vmsBound).toBe('memory');
    expect(big.vms).toBe(big.vmsByMemory);
    expect(density(host, [], b1s).containers).toBeNull();
    expect(fitCount(10, 3)).toBe(3);
    expect(fitCount(10, 0)).toBe(0);
  });

  it('buildModel keeps the VM count equal to the container count', () => {
    const model = buildModel({ host: { memoryBytes: GIB, cpus: 1, kernelVersion: '', os: '' }, containers: [cost({})], profile: b1s, sampledAtMs: 1, intervalMs: null });
    expect(model.vm.count).toBe(model.containers.length);
    expect(model.vm.memoryBytes).toBe(vmMemoryFor(b1s, MIB));
    expect(model.density.vms).toBe(0); // 1 GiB host cannot hold a 1 GiB guest plus its workload
  });
});

describe('start times', () => {
  it('reads engine timestamps with nanoseconds and keeps the µs', () => {
    expect(parseEngineTime('2024-05-01T10:00:00.123456789Z') - Date.parse('2024-05-01T10:00:00Z')).toBeCloseTo(123.4568, 2);
    expect(parseEngineTime('2024-05-01T10:00:00Z')).toBe(Date.parse('2024-05-01T10:00:00Z'));
    expect(parseEngineTime('0001-01-01T00:00:00Z')).toBeLessThan(0);
    expect(Number.isNaN(parseEngineTime('yesterday'))).toBe(true);
    expect(nanoToMs('1700000000123456789')).toBe(1700000000123.456);
  });

  it('uses inspect only for a plain start-up', () => {
    expect(startFromInspect({ name: 'x', createdMs: 1000, startedAtMs: 1250.5, restartCount: 0 })).toEqual({ startMs: 250.5, startSource: 'inspect' });
    expect(startFromInspect({ name: 'x', createdMs: 1000, startedAtMs: 1250, restartCount: 2 }).startMs).toBeNull();
    expect(startFromInspect({ name: 'x', createdMs: 1000, startedAtMs: 1000 + MAX_PLAUSIBLE_START_MS + 1, restartCount: 0 }).startMs).toBeNull();
    expect(startFromInspect({ name: 'x', createdMs: 1000, startedAtMs: Number.NaN, restartCount: 0 }).startMs).toBeNull();
  });

  it('measures create → start from event times, only for the first start', () => {
    const emitter = new EventEmitter() as unknown as EngineConnection;
    const tracker = new StartTracker(emitter, async () => null);
    const ev = (action: string, timeNano: string) => ({ type: 'container', action, id: 'c1', attributes: {}, timeNano, timeMs: 0 });
    tracker.onEvent(ev('create', '1000000000000000000'));
    tracker.onEvent(ev('start', '1000000000250500000'));
    expect(tracker.timing('c1')!.startedMs - tracker.timing('c1')!.createdMs).toBeCloseTo(250.5, 3);
    tracker.onEvent(ev('start', '1000000099000000000'));
    expect(tracker.timing('c1')!.startedMs - tracker.timing('c1')!.createdMs).toBeCloseTo(250.5, 3);
    tracker.onEvent(ev('destroy', '1000000100000000000'));
    expect(tracker.timing('c1')).toBeUndefined();
    tracker.dispose();
  });

  it('finds the first published TCP port as a dialable address', () => {
    expect(firstPublishedTcpPort({ '53/udp': [{ HostIp: '0.0.0.0', HostPort: '53' }], '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '49153' }] })).toEqual({ host: '127.0.0.1', port: 49153 });
    expect(firstPublishedTcpPort({ '80/tcp': null })).toBeNull();
    expect(firstPublishedTcpPort({ '80/tcp': [{ HostIp: '::', HostPort: '8080' }] })).toEqual({ host: '::1', port: 8080 });
    expect(firstPublishedTcpPort(undefined)).toBeNull();
  });

  it('asks for one-shot stats only from API 1.41 on', () => {
    expect(supportsOneShot('1.41')).toBe(true);
    expect(supportsOneShot('1.47')).toBe(true);
    expect(supportsOneShot('1.40')).toBe(false);
    expect(supportsOneShot(undefined)).toBe(false);
  });
});
