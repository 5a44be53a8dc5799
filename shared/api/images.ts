import { z } from 'zod';
import { checkImageReference } from '../reference';
import { boundedText, engineRef, hostPath } from './common';
import type { ImageSummary } from '../dto';

export const imageReference = z.string().superRefine((value, ctx) => {
  const check = checkImageReference(value);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.reason });
});

/** A path relative to the build context (e.g. "Dockerfile" or "docker/app.Dockerfile"). */
const contextRelativePath = z
  .string()
  .min(1)
  .max(1024)
  .refine((p) => !p.startsWith('/') && !p.split(/[\\/]/).includes('..'), 'must be a path inside the build folder');

export const buildParams = z
  .object({
    context: hostPath,
    tag: imageReference,
    dockerfile: contextRelativePath.default('Dockerfile'),
    buildArgs: z.record(z.string().max(256).regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'is not a valid build-arg name'), boundedText(32 * 1024)).default({}),
    labels: z.record(boundedText(256), boundedText(4096)).optional(),
    noCache: z.boolean().default(false),
  })
  .strict();
export type BuildParams = z.input<typeof buildParams>;

export const imageInvokeSchemas = {
  'images:list': z.object({}).strict(),
  'images:inspect': z.object({ id: engineRef }).strict(),
  'images:remove': z.object({ id: engineRef, force: z.boolean().default(false) }).strict(),
};

export const imageStreamSchemas = {
  'images:build': buildParams,
};

export interface ImageDetail {
  id: string;
  tags: string[];
  sizeBytes: number;
  createdMs: number;
  /** Container ports the image EXPOSEs, e.g. [{ port: 3000, protocol: 'tcp' }]. */
  exposedPorts: { port: number; protocol: string }[];
  env: string[];
  cmd: string[];
  entrypoint: string[];
  workingDir: string;
  labels: Record<string, string>;
  /** Containers that use this image (any state): removing it needs force while any exist. */
  usedBy: { id: string; name: string; state: string }[];
}

/** Build progress, one message per step or batch of output. */
export type BuildEvent =
  | { kind: 'step'; index: number; total: number; instruction: string }
  | { kind: 'output'; text: string }
  | { kind: 'done'; imageId: string; tag: string }
  | { kind: 'failed'; message: string };

export interface ImageInvokeResults {
  'images:list': ImageSummary[];
  'images:inspect': ImageDetail;
  'images:remove': { removed: string[] };
}

export interface ImageStreamEvents {
  /** Batched: each message carries the events of up to ~100 ms. */
  'images:build': BuildEvent[];
}
