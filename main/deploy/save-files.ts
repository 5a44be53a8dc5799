import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { PortholeError } from '../../shared/errors';
import type { DeploySavedFiles, deploySaveFilesParams } from '../../shared/api/deploy';
import { AppFolder } from './folder';
import { GENERATED_DOCKERFILE } from './dockerignore';

/** Creates a file that is not there yet; false when it is. */
async function create(path: string, content: string): Promise<boolean> {
  try {
    await writeFile(path, content, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new PortholeError('PERMISSION_DENIED', `Porthole could not write ${path}: ${(error as Error).message}`);
  }
}

/**
 * "Save Dockerfile to the folder": the one time Porthole writes into an app folder, and only when asked.
 * Dockerfile.porthole must not exist (it is never overwritten: CONFLICT); .dockerignore is written only when
 * the folder has none, else kept as it is.
 */
export type SaveFilesParsed = z.output<typeof deploySaveFilesParams>;

export async function saveDeployFiles(p: SaveFilesParsed): Promise<DeploySavedFiles> {
  await AppFolder.open(p.folder);
  const written: string[] = [];
  const kept: string[] = [];
  if (!(await create(join(p.folder, GENERATED_DOCKERFILE), p.dockerfile))) {
    throw new PortholeError('CONFLICT', `${GENERATED_DOCKERFILE} already exists in ${p.folder}; Porthole does not overwrite it. Rename or delete it, then save again.`, {
      usedBy: [],
      reason: `${GENERATED_DOCKERFILE} exists`,
      suggestion: null,
    });
  }
  written.push(GENERATED_DOCKERFILE);
  if (p.dockerignore !== null) (await create(join(p.folder, '.dockerignore'), p.dockerignore) ? written : kept).push('.dockerignore');
  return { folder: p.folder, written, kept };
}
