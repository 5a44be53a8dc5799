import { z } from 'zod';
import { engineRef } from './common';

export const PRUNE_KINDS = ['containers', 'images', 'volumes', 'build-cache'] as const;
export type PruneKind = (typeof PRUNE_KINDS)[number];

/** "key" or "key=value": restricts a prune to objects with that label (tests use their run label; the UI leaves it empty). */
const labelFilter = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[^=\s]+(=.*)?$/s, 'must look like key or key=value');

const pruneScope = {
  kind: z.enum(PRUNE_KINDS),
  /** images: false = dangling only (the default), true = every image no container uses. */
  allImages: z.boolean().default(false),
  label: labelFilter.optional(),
};

export const systemInvokeSchemas = {
  'system:disk-usage': z.object({}).strict(),
  'system:prune-preview': z.object(pruneScope).strict(),
  'system:prune': z
    .object({
      ...pruneScope,
      /** Exactly the ids the preview listed; anything else is left alone. */
      ids: z.array(engineRef).max(10_000),
      /** Volumes hold data: removing them needs this second, explicit yes. */
      confirmVolumes: z.boolean().default(false),
    })
    .strict(),
};

export interface DiskUsageCategory {
  count: number;
  active: number;
  sizeBytes: number;
  reclaimableBytes: number;
}

export interface DiskUsage {
  images: DiskUsageCategory;
  containers: DiskUsageCategory;
  volumes: DiskUsageCategory;
  buildCache: DiskUsageCategory;
  /** Bytes the image layers take once, shared counted once. */
  layersSizeBytes: number;
}

export interface PruneItem {
  id: string;
  name: string;
  sizeBytes: number;
  /** e.g. "Exited (0) 2 hours ago", "dangling", "not used by any container". */
  detail: string;
}

export interface PrunePreview {
  kind: PruneKind;
  items: PruneItem[];
  totalBytes: number;
}

export interface PruneResult {
  kind: PruneKind;
  removed: PruneItem[];
  /** Previewed objects that changed since (started, now in use, gone) and were left alone. */
  skipped: (PruneItem & { reason: string })[];
  reclaimedBytes: number;
}

export interface SystemInvokeResults {
  'system:disk-usage': DiskUsage;
  'system:prune-preview': PrunePreview;
  'system:prune': PruneResult;
}
