import { z } from 'zod';

/** A container/image id or name as the engine accepts it; bounded so a huge string never reaches dockerode. */
export const engineRef = z
  .string()
  .min(1, 'must not be empty')
  .max(256, 'is longer than 256 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.\-/:@]*$/, 'has characters an engine id or name cannot have');

export const noInput = z.object({}).strict();

export const boundedText = (max: number) => z.string().max(max, `is longer than ${max} characters`);

/** An absolute host path (POSIX or Windows). */
export const hostPath = z
  .string()
  .min(1, 'must not be empty')
  .max(4096, 'is longer than 4096 characters')
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'must be an absolute path');

export const port = z.number().int().min(1).max(65535);
