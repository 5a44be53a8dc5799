import { z } from 'zod';
import { boundedText, engineRef, hostPath, port } from './common';
import { imageReference } from './images';
import { networkName } from './networks';
import type { ContainerDetail, ContainerSummary } from '../dto';
import { engineId } from './engines';

/** Absent: the engine Porthole uses now; present: the side-by-side list's row, sent to its own engine. */
const onEngine = engineId.optional();

export const CONTAINER_ACTIONS = ['start', 'stop', 'restart', 'pause', 'unpause', 'kill'] as const;
export type ContainerAction = (typeof CONTAINER_ACTIONS)[number];

/** A container name as the docker CLI accepts it. */
export const containerName = z
  .string()
  .max(128)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/, 'may use letters, digits, _ . - and must start with a letter or digit');

const envEntry = z
  .string()
  .max(32 * 1024)
  .regex(/^[^=\s]+=/s, 'must look like NAME=value');

export const portMapping = z.object({
  hostPort: port,
  containerPort: port,
  protocol: z.enum(['tcp', 'udp']).default('tcp'),
  hostIp: z.string().max(64).default('127.0.0.1'),
});

export const mountSpec = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bind'), source: hostPath, target: hostPath, readOnly: z.boolean().default(false) }),
  z.object({
    type: z.literal('volume'),
    source: z.string().min(1).max(255).regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'is not a valid volume name'),
    target: hostPath,
    readOnly: z.boolean().default(false),
  }),
]);

export const runInput = z
  .object({
    /** An image reference or id, checked like the docker CLI does, so a malformed one never reaches the engine. */
    image: imageReference,
    name: containerName.optional(),
    ports: z.array(portMapping).max(64).default([]),
    env: z.array(envEntry).max(512).default([]),
    mounts: z.array(mountSpec).max(64).default([]),
    restartPolicy: z.enum(['no', 'always', 'unless-stopped', 'on-failure']).default('no'),
    /** Run a tiny init as PID 1 (`docker run --init`) so the app gets signals and `stop` is quick. */
    init: z.boolean().optional(),
    /** Overrides the image's CMD; each element one argument (exec form). */
    command: z.array(boundedText(4096)).max(256).optional(),
    labels: z.record(boundedText(256), boundedText(4096)).optional(),
    /** `--network`: the network the container joins instead of the default bridge. */
    network: networkName.optional(),
    /** `--rm`: the engine removes the container when it exits (not with a restart policy). */
    autoRemove: z.boolean().optional(),
    /** `--cpus`: how many CPUs' worth of time it may use. */
    cpus: z.number().min(0.01).max(1024).optional(),
    /** `--memory` in bytes; the engine refuses less than 6 MiB. */
    memoryBytes: z.number().int().min(6 * 1024 * 1024).max(2 ** 50).optional(),
    /** `--user`: name or uid, optionally `:group` or `:gid`. */
    user: boundedText(256).regex(/^[^\s:]+(:[^\s:]+)?$/, 'must look like user, uid, user:group or uid:gid').optional(),
    /** `--workdir`: an absolute path inside the container. */
    workingDir: boundedText(4096).regex(/^\//, 'must be an absolute path in the container').optional(),
  })
  .strict();
export type RunInput = z.input<typeof runInput>;

export const containerInvokeSchemas = {
  'containers:list': z
    .object({
      all: z.boolean().default(true),
      /** Re-list just these (after engine events); absent ones were removed. */
      ids: z.array(engineRef).min(1).max(500).optional(),
    })
    .strict(),
  'containers:inspect': z.object({ id: engineRef }).strict(),
  'containers:action': z
    .object({ ids: z.array(engineRef).min(1).max(5000), action: z.enum(CONTAINER_ACTIONS), engineId: onEngine })
    .strict(),
  'containers:remove-preview': z.object({ ids: z.array(engineRef).min(1).max(5000), engineId: onEngine }).strict(),
  /** How long each container is given after its stop signal before the engine kills it (for the countdown). */
  'containers:stop-timeouts': z.object({ ids: z.array(engineRef).min(1).max(5000), engineId: onEngine }).strict(),
  'containers:remove': z
    .object({ ids: z.array(engineRef).min(1).max(5000), force: z.boolean().default(false), removeVolumes: z.literal(false).default(false), engineId: onEngine })
    .strict(),
  'containers:run': runInput,
};

export const containerStreamSchemas = {
  'containers:logs': z
    .object({
      id: engineRef,
      follow: z.boolean().default(true),
      tail: z.number().int().min(0).max(1_000_000).default(1000),
      timestamps: z.boolean().default(true),
    })
    .strict(),
  'containers:stats': z.object({ id: engineRef }).strict(),
};

export interface ActionOutcome {
  id: string;
  ok: boolean;
  error?: { code: string; message: string };
}

/** A container's stop timeout (`StopTimeout`, the engine's 10 s when unset), as `docker stop` without `-t` uses it. */
export interface StopTimeout {
  id: string;
  seconds: number;
}

export interface RemovePreview {
  id: string;
  name: string;
  state: string;
  /** Bytes in the container's writable layer: lost for good on removal. */
  writableBytes: number;
  /** Named volumes and bind mounts that stay after removal. */
  keeps: { type: string; name?: string; source: string; destination: string }[];
}

export interface LogLine {
  stream: 'stdout' | 'stderr';
  /** Milliseconds since the epoch when the engine stamped it; absent without timestamps. */
  timeMs?: number;
  text: string;
  /** The line was longer than the cap (64 KiB); the rest was dropped. */
  truncated?: true;
}

/**
 * Log lines as they travel: one string and a few number arrays, not an object per line. A firehose sends
 * ~45,000 lines a second; with an object per line the JSON was 1.6× the bytes, and the page's parse of a
 * 1,000-line batch 3.7× the work.
 */
export interface LogBatch {
  /** The lines joined by "\n" (a line never holds one). */
  text: string;
  /** How many lines: tells no line from one empty line. */
  count: number;
  /** Indexes of the lines written to stderr; absent when none were. */
  stderr?: number[];
  /**
   * The engine's times in ms: the first stamped line's since the epoch, each later one's as its difference
   * from the stamped line before it; null for a line without a stamp. Absent when no line had one.
   */
  times?: (number | null)[];
  /** Indexes of the lines cut at the length cap. */
  truncated?: number[];
}

export interface StatsSample {
  timeMs: number;
  cpuPercent: number;
  onlineCpus: number;
  /** Memory without page cache (the docker CLI's figure). */
  memoryBytes: number;
  memoryLimitBytes: number;
  netRxBytes: number;
  netTxBytes: number;
  blockReadBytes: number;
  blockWriteBytes: number;
  pids: number;
}

export interface ContainerInvokeResults {
  'containers:list': ContainerSummary[];
  'containers:inspect': ContainerDetail;
  'containers:action': ActionOutcome[];
  'containers:remove-preview': RemovePreview[];
  'containers:stop-timeouts': StopTimeout[];
  'containers:remove': ActionOutcome[];
  'containers:run': { id: string; name: string; urls: string[] };
}

export interface ContainerStreamEvents {
  /** Batched: each message carries the lines of up to ~50 ms. A followed stream opens with an empty batch once the engine's stream is open. */
  'containers:logs': LogBatch;
  'containers:stats': StatsSample;
}

