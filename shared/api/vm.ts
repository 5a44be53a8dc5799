import { z } from 'zod';

/** How QEMU runs the guest: hardware virtualization (KVM, Hypervisor.framework, WHPX) or TCG emulation. */
export const VM_ACCELERATORS = ['kvm', 'hvf', 'whpx', 'tcg'] as const;
export type VmAccelerator = (typeof VM_ACCELERATORS)[number];

/** What a VM measurement needs on this host, and what is missing in words. */
export interface VmSetup {
  ready: boolean;
  qemu: string | null;
  kernel: string | null;
  /** Kernels found in the usual places, best first. */
  kernelCandidates: string[];
  /** The kernel's modules folder (virtio networking is loaded from it); null when the kernel has none here. */
  modulesDir: string | null;
  busybox: string | null;
  accelerators: VmAccelerator[];
  preferred: VmAccelerator;
  problems: string[];
  install: { os: string; command: string }[];
}

export const VM_PHASES = ['setup', 'container', 'export', 'pack', 'launch', 'kernel', 'init', 'network', 'answering', 'fallback', 'idle', 'stop', 'done'] as const;
export type VmPhase = (typeof VM_PHASES)[number];

/** One measurement of a container's workload, as a container and as a local VM, in the same run. */
export interface VmMeasurement {
  image: string;
  imageId: string;
  containerName: string;
  measuredAtMs: number;
  machine: { hostname: string; cpuModel: string; cpus: number; memoryBytes: number; os: string };
  accelerator: VmAccelerator;
  emulated: boolean;
  /** Set when the hardware accelerator did not boot in time and the run fell back to TCG. */
  fallback: string | null;
  qemu: string;
  kernel: string;
  guestMemoryMiB: number;
  guestPort: number;
  vm: {
    /** QEMU launched → the kernel's first console line. */
    kernelMs: number | null;
    /** QEMU launched → the init (the workload's environment) running. */
    initMs: number | null;
    /** QEMU launched → the workload's port answered (an HTTP answer or banner through the forward). */
    answerMs: number;
    /** The QEMU process's resident memory once the workload answered. */
    rssBytes: number;
    /** CPU the QEMU process used while the workload sat idle (100 % = one CPU). */
    idleCpuPercent: number;
    /** Kernel image + initramfs: what the VM needs on disk. */
    diskBytes: number;
    kernelBytes: number;
    initramfsBytes: number;
    /** The unpacked root file system (the container's exported files + init). */
    rootfsBytes: number;
  };
  container: {
    /** Create → the same port answered, for a fresh container of the same config, same probe. */
    answerMs: number;
    /** Memory without page cache, once it answered (as docker stats shows it). */
    memoryBytes: number;
    idleCpuPercent: number | null;
    imageBytes: number;
    diskBytes: number;
  };
  /** The VM's answer to GET / equals the container's (null when the workload does not speak HTTP). */
  sameAnswer: boolean | null;
  idleSeconds: number;
}

export type VmMeasureEvent =
  | { kind: 'phase'; phase: VmPhase; message: string; elapsedMs: number }
  | { kind: 'result'; measurement: VmMeasurement };

export interface VmResults {
  results: VmMeasurement[];
  file: string;
}

const kernelPath = z.string().min(1).max(1024).optional();

export const vmInvokeSchemas = {
  'compare:vm-setup': z.object({ kernelPath }).strict(),
  'compare:vm-results': z.object({}).strict(),
};

export const vmStreamSchemas = {
  'compare:measure-vm': z
    .object({
      container: z.string().min(1).max(256),
      kernelPath,
      /** auto: hardware acceleration where it works (falling back to TCG once), else TCG. */
      accelerator: z.enum(['auto', 'tcg']).default('auto'),
      answerTimeoutMs: z.number().int().min(5_000).max(600_000).default(90_000),
      idleSeconds: z.number().int().min(1).max(30).default(3),
    })
    .strict(),
};

export interface VmInvokeResults {
  'compare:vm-setup': VmSetup;
  'compare:vm-results': VmResults;
}

export interface VmStreamEvents {
  'compare:measure-vm': VmMeasureEvent;
}
