import { z } from 'zod';
import { boundedText } from './common';

export const volumeName = z
  .string()
  .min(1, 'must not be empty')
  .max(255)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'may use letters, digits, _ . - and must start with a letter or digit');

/** A path inside a volume, relative to its root ("" is the root); never climbs out. */
export const volumePath = z
  .string()
  .max(4096)
  .refine((p) => !p.split('/').includes('..'), 'must stay inside the volume')
  .transform((p) => p.replace(/^\/+|\/+$/g, ''));

const labelMap = z.record(boundedText(256), boundedText(4096));

export const volumeInvokeSchemas = {
  'volumes:list': z.object({}).strict(),
  'volumes:inspect': z.object({ name: volumeName }).strict(),
  'volumes:create': z.object({ name: volumeName.optional(), driver: z.string().max(128).default('local'), labels: labelMap.optional() }).strict(),
  'volumes:remove': z.object({ name: volumeName }).strict(),
  /** Sizes come from the engine's disk-usage report, which is slow: asked for on demand. */
  'volumes:sizes': z.object({}).strict(),
  'volumes:browse': z.object({ name: volumeName, path: volumePath.default('') }).strict(),
  'volumes:download': z.object({ name: volumeName, path: volumePath }).strict(),
};

export interface VolumeUser {
  id: string;
  name: string;
  state: string;
  /** Where the volume is mounted in that container. */
  destination: string;
}

export interface VolumeSummary {
  name: string;
  driver: string;
  mountpoint: string;
  createdMs: number;
  labels: Record<string, string>;
  scope: string;
  usedBy: VolumeUser[];
}

export interface VolumeDetail extends VolumeSummary {
  options: Record<string, string>;
  raw: unknown;
}

export interface VolumeEntry {
  name: string;
  /** Path relative to the volume root. */
  path: string;
  type: 'file' | 'directory' | 'symlink' | 'other';
  sizeBytes: number;
  modifiedMs: number;
  mode: number;
  linkTarget?: string;
}

export interface VolumeInvokeResults {
  'volumes:list': VolumeSummary[];
  'volumes:inspect': VolumeDetail;
  'volumes:create': VolumeSummary;
  'volumes:remove': { name: string };
  /** name → bytes; -1 when the engine did not measure it. */
  'volumes:sizes': Record<string, number>;
  'volumes:browse': { path: string; entries: VolumeEntry[]; truncated: boolean };
  /** The file's bytes, base64 (at most 64 MB). */
  'volumes:download': { name: string; sizeBytes: number; base64: string };
}
