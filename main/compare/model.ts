import type { CompareModel, ContainerCost, VmProfile } from '../../shared/api/compare';

export interface HostFacts {
  memoryBytes: number;
  cpus: number;
  kernelVersion: string;
  os: string;
}

/** One VM of `profile` running one workload: the guest's memory + the VMM's host overhead + the workload. */
export const vmMemoryFor = (profile: VmProfile, workloadBytes: number): number => profile.guestMemoryBytes + profile.overheadBytes + workloadBytes;

export const DENSITY_RULE =
  'Containers: memory-bound, floor(host memory ÷ average container memory) — they share the CPUs and reserve none. ' +
  'VMs: the smaller of floor(host memory ÷ memory per VM) and floor(host CPUs ÷ vCPUs per VM), with no overcommit.';

/** How many units fit in `capacity` when each takes `perUnit` (0 when the unit is larger than the host). */
export const fitCount = (capacity: number, perUnit: number): number => (perUnit > 0 ? Math.floor(capacity / perUnit) : 0);

export function containerTotals(containers: ContainerCost[]): CompareModel['totals'] {
  const images = new Map<string, number>();
  let memoryBytes = 0;
  let cpuPercent = 0;
  let pids = 0;
  let writableBytes = 0;
  for (const c of containers) {
    memoryBytes += c.memoryBytes;
    cpuPercent += c.cpuPercent ?? 0;
    pids += c.pids;
    writableBytes += c.writableBytes;
    images.set(c.imageId || c.image, c.imageBytes);
  }
  let imageBytes = 0;
  for (const size of images.values()) imageBytes += size;
  return {
    count: containers.length,
    memoryBytes,
    cpuPercent,
    pids,
    imageBytes,
    writableBytes,
    diskBytes: imageBytes + writableBytes,
    kernels: 0,
  };
}

/** The same workloads, each as its own VM of `profile`. */
export function vmSide(containers: ContainerCost[], profile: VmProfile): CompareModel['vm'] {
  const perVm = containers.map((c) => ({ id: c.id, name: c.name, workloadBytes: c.memoryBytes, memoryBytes: vmMemoryFor(profile, c.memoryBytes) }));
  const count = containers.length;
  return {
    profile,
    count,
    perVm,
    memoryBytes: perVm.reduce((sum, v) => sum + v.memoryBytes, 0),
    vcpus: profile.vcpus * count,
    diskBytes: profile.osDiskBytes === null ? null : profile.osDiskBytes * count,
    bootMs: profile.bootMs,
    kernels: count,
  };
}

export function density(host: HostFacts, containers: ContainerCost[], profile: VmProfile): CompareModel['density'] {
  const count = containers.length;
  const averageWorkload = count ? containers.reduce((s, c) => s + c.memoryBytes, 0) / count : 0;
  // A container that uses almost nothing would "fit" millions of times; count it as at least 1 page.
  const perContainer = Math.max(averageWorkload, 4096);
  const vmsByMemory = fitCount(host.memoryBytes, vmMemoryFor(profile, averageWorkload));
  const vmsByCpu = fitCount(host.cpus, profile.vcpus);
  return {
    containers: count ? fitCount(host.memoryBytes, perContainer) : null,
    vms: Math.min(vmsByMemory, vmsByCpu),
    vmsBound: vmsByCpu < vmsByMemory ? 'cpu' : 'memory',
    vmsByMemory,
    vmsByCpu,
    rule: DENSITY_RULE,
  };
}

export function buildModel(input: {
  host: HostFacts;
  containers: ContainerCost[];
  profile: VmProfile;
  sampledAtMs: number;
  intervalMs: number | null;
}): CompareModel {
  const { host, containers, profile } = input;
  return {
    sampledAtMs: input.sampledAtMs,
    intervalMs: input.intervalMs,
    host,
    containers,
    totals: containerTotals(containers),
    vm: vmSide(containers, profile),
    density: density(host, containers, profile),
  };
}
