import type { TransferProgress } from '../../shared/api/registry';
import type { EngineConnection } from '../engine/connection';
import { toApiError } from '../engine/errors';
import type { RegistryAuth } from '../registry/credentials';
import { pullImage } from '../registry/image-transfer';
import { registryOf } from '../registry/reference-host';

export type AuthLookup = (registry: string) => Promise<RegistryAuth | undefined>;

/**
 * The images a Dockerfile's FROM lines name, in order, without `scratch`, earlier stages
 * (`FROM base AS build` … `FROM build`) and references built from ARGs (the build resolves those).
 */
export function baseImagesOf(dockerfile: string): string[] {
  const stages = new Set<string>();
  const images: string[] = [];
  const joined = dockerfile.replace(/\\\r?\n/g, ' ');
  for (const line of joined.split(/\r?\n/)) {
    const match = /^\s*FROM\s+((?:--\S+\s+)*)(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (!match) continue;
    const ref = match[2];
    const alias = match[3]?.toLowerCase();
    const isStage = stages.has(ref.toLowerCase());
    if (alias) stages.add(alias);
    if (isStage || ref.toLowerCase() === 'scratch' || ref.includes('$')) continue;
    if (!images.includes(ref)) images.push(ref);
  }
  return images;
}

async function isLocal(connection: EngineConnection, ref: string): Promise<boolean> {
  try {
    await connection.client().getImage(ref).inspect();
    return true;
  } catch (error) {
    if (toApiError(error).code === 'NOT_FOUND') return false;
    throw error;
  }
}

/**
 * Pulls the base images the engine does not have yet, one after another, emitting the same
 * per-layer snapshots as the Pull dialog. Resolves with what was pulled and what was already here.
 */
export async function pullMissingBaseImages(
  connection: EngineConnection,
  dockerfile: string,
  authFor: AuthLookup | undefined,
  emit: (progress: TransferProgress) => void,
  signal: AbortSignal,
): Promise<{ pulled: string[]; present: string[] }> {
  const pulled: string[] = [];
  const present: string[] = [];
  for (const ref of baseImagesOf(dockerfile)) {
    if (await isLocal(connection, ref)) {
      present.push(ref);
      continue;
    }
    await pullImage(connection, ref, await authFor?.(registryOf(ref)), emit, signal);
    pulled.push(ref);
  }
  return { pulled, present };
}
