import { z } from 'zod';
import { MIB, TIB } from '../compare-units';

/** How sure a profile figure is: read in the primary source, from secondary sources, or a stated assumption. */
export const CERTAINTIES = ['verified', 'secondary', 'assumption', 'user'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

export const PROFILE_FIGURES = ['memory', 'vcpus', 'disk', 'boot', 'overhead'] as const;
export type ProfileFigure = (typeof PROFILE_FIGURES)[number];

export const profileSource = z
  .object({
    figure: z.enum(PROFILE_FIGURES),
    text: z.string().min(1, 'must say where the figure comes from').max(400, 'is longer than 400 characters'),
    certainty: z.enum(CERTAINTIES),
    url: z
      .string()
      .max(500)
      .regex(/^https?:\/\/\S+$/, 'must be an http(s) address')
      .optional(),
  })
  .strict();
export type ProfileSource = z.infer<typeof profileSource>;

const MAX_GUEST_MEMORY = 4 * TIB;
const MAX_DISK = 64 * TIB;
const HOUR_MS = 3_600_000;

/** A VM profile: what one VM of this kind costs the host. Bounds refuse numbers no real small VM has. */
export const vmProfile = z
  .object({
    id: z
      .string()
      .min(2, 'must be at least 2 characters')
      .max(48, 'is longer than 48 characters')
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'may use lowercase letters, digits and - (e.g. my-vm)'),
    name: z.string().trim().min(1, 'must not be empty').max(80, 'is longer than 80 characters'),
    /** RAM the guest OS is given / needs before any workload, in bytes. */
    guestMemoryBytes: z
      .number({ error: 'guest memory must be a number of bytes' })
      .int('guest memory must be whole bytes')
      .min(16 * MIB, 'guest memory must be at least 16 MiB — no general-purpose guest OS boots in less')
      .max(MAX_GUEST_MEMORY, 'guest memory must be at most 4 TiB — that is no longer a small VM'),
    /** Host-side memory per VM outside the guest (the VMM process), in bytes. */
    overheadBytes: z
      .number({ error: 'host overhead must be a number of bytes' })
      .int()
      .min(0, 'host overhead cannot be negative')
      .max(64 * 1024 * MIB, 'host overhead must be at most 64 GiB')
      .default(0),
    vcpus: z
      .number({ error: 'vCPUs must be a number' })
      .int('vCPUs must be a whole number')
      .min(1, 'a VM needs at least 1 vCPU')
      .max(512, 'vCPUs must be at most 512'),
    /** OS disk image size in bytes; null when no figure is published. */
    osDiskBytes: z
      .number({ error: 'OS disk must be a number of bytes' })
      .int()
      .min(16 * MIB, 'the OS disk must be at least 16 MiB')
      .max(MAX_DISK, 'the OS disk must be at most 64 TiB')
      .nullable(),
    /** Boot time in ms; null when no figure is published (the panel says so instead of inventing one). */
    bootMs: z
      .number({ error: 'boot time must be a number of milliseconds' })
      .min(1, 'boot time must be more than 0 ms')
      .max(HOUR_MS, 'boot time must be at most 1 hour')
      .nullable(),
    /** What to show instead of a number when bootMs is null, or a qualifier for it. */
    bootNote: z.string().max(300, 'is longer than 300 characters').optional(),
    diskNote: z.string().max(300, 'is longer than 300 characters').optional(),
    sources: z.array(profileSource).max(20, 'at most 20 sources').default([]),
    builtIn: z.boolean().default(false),
  })
  .strict();
export type VmProfile = z.output<typeof vmProfile>;
export type VmProfileInput = z.input<typeof vmProfile>;

export const profileFile = z.object({ version: z.literal(1), profiles: z.array(vmProfile).max(200) }).strict();

/** One running container, measured. */
export interface ContainerCost {
  id: string;
  name: string;
  image: string;
  imageId: string;
  /** Memory in use without page cache (as `docker stats` shows it). */
  memoryBytes: number;
  /** CPU % over the interval since the previous sample (100 % = one CPU); null on the first sample. */
  cpuPercent: number | null;
  pids: number;
  /** The image's size (shared by every container of that image), from /system/df. */
  imageBytes: number;
  /** The container's writable layer, from /system/df. */
  writableBytes: number;
  /** Create → start, in ms; null when not measurable. */
  startMs: number | null;
  /** How startMs was measured: Porthole saw the engine events, or (started before Porthole watched) inspect's Created → StartedAt. */
  startSource: 'events' | 'inspect' | null;
  /** Create → the first published port first answered, in ms (null: no port, not yet, or not seen). */
  readyMs: number | null;
  readyPort: number | null;
  startedAtMs: number;
}

export interface CompareModel {
  sampledAtMs: number;
  /** ms between this sample and the previous one (the CPU interval); null on the first. */
  intervalMs: number | null;
  host: { memoryBytes: number; cpus: number; kernelVersion: string; os: string };
  containers: ContainerCost[];
  totals: {
    count: number;
    memoryBytes: number;
    cpuPercent: number;
    pids: number;
    /** Each distinct image once: containers of one image share it. */
    imageBytes: number;
    writableBytes: number;
    diskBytes: number;
    /** Kernels the containers need of their own: zero, they share the host's. */
    kernels: 0;
  };
  vm: {
    profile: VmProfile;
    count: number;
    /** Per VM, in container order: the guest's memory + host overhead + that workload's memory. */
    perVm: { id: string; name: string; memoryBytes: number; workloadBytes: number }[];
    memoryBytes: number;
    vcpus: number;
    /** null when the profile has no published disk figure. */
    diskBytes: number | null;
    /** One VM's boot time (they boot in parallel); null when not published. */
    bootMs: number | null;
    kernels: number;
  };
  density: {
    containers: number | null;
    vms: number;
    /** Which limit decides the VM count. */
    vmsBound: 'memory' | 'cpu';
    vmsByMemory: number;
    vmsByCpu: number;
    rule: string;
  };
}

export const compareInvokeSchemas = {
  'compare:profiles': z.object({}).strict(),
  'compare:save-profile': z.object({ profile: vmProfile }).strict(),
  /** Deletes a user profile, or resets an edited built-in one to its shipped figures. */
  'compare:delete-profile': z.object({ id: z.string().min(1).max(48) }).strict(),
};

export const compareStreamSchemas = {
  'compare:watch': z
    .object({
      profileId: z.string().min(1).max(48).optional(),
      intervalMs: z.number().int().min(1000).max(60_000).default(2000),
    })
    .strict(),
};

export interface ProfileList {
  profiles: VmProfile[];
  defaultId: string;
  /** Where the user's profiles are saved. */
  file: string;
  /** Set when the saved file could not be read (the shipped profiles are shown instead). */
  warning?: string;
}

export interface CompareInvokeResults {
  'compare:profiles': ProfileList;
  'compare:save-profile': ProfileList;
  'compare:delete-profile': ProfileList;
}

export interface CompareStreamEvents {
  'compare:watch': CompareModel;
}
