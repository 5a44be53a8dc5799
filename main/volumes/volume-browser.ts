import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import * as engine from '../engine/gateway';
import { PortholeError } from '../../shared/errors';
import type { VolumeEntry } from '../../shared/api/volumes';
import { readTar } from '../lib/tar-reader';

export const HELPER_LABEL = 'porthole.helper';
const MOUNT = '/porthole-volume';
const MAX_ENTRIES = 5_000;
export const MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024;

/**
 * Looks into a volume without a shell: a stopped helper container (from any local image) mounts it
 * read-only and the archive API reads from the mount. The helper is labelled and always removed.
 */
async function withHelper<T>(docker: Dockerode, volume: string, use: (helper: Dockerode.Container) => Promise<T>): Promise<T> {
  const images = await docker.listImages();
  const image = images.filter((i) => (i.RepoTags ?? []).some((t) => t !== '<none>:<none>')).sort((a, b) => a.Size - b.Size)[0] ?? images[0];
  if (!image) throw new PortholeError('CONFLICT', 'Browsing a volume needs any local image to make a helper container from. Pull or build one first.');
  const helper = await docker.createContainer({
    Image: image.Id,
    // Never started: the command only has to exist for create to accept it.
    Cmd: ['/porthole-never-started'],
    Entrypoint: [],
    Labels: { [HELPER_LABEL]: 'volume-browser', 'porthole.volume': volume },
    NetworkDisabled: true,
    HostConfig: { Mounts: [{ Type: 'volume', Source: volume, Target: MOUNT, ReadOnly: true }] },
  });
  try {
    return await use(helper);
  } finally {
    await helper.remove({ force: true, v: false }).catch(() => {});
  }
}

async function archive(helper: Dockerode.Container, path: string): Promise<Readable> {
  try {
    return await engine.archiveOf(helper, path ? `${MOUNT}/${path}` : `${MOUNT}/.`);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) throw new PortholeError('NOT_FOUND', `There is no "${path}" in this volume.`);
    throw error;
  }
}

/** One directory level of a volume (the archive is read to its end, but only the first level is kept). */
export function listVolumeDir(docker: Dockerode, volume: string, path: string): Promise<{ path: string; entries: VolumeEntry[]; truncated: boolean }> {
  return withHelper(docker, volume, async (helper) => {
    const stream = await archive(helper, path);
    const entries: VolumeEntry[] = [];
    let truncated = false;
    let root: string | null = null;
    await readTar(stream, (entry) => {
      const clean = entry.path.replace(/\/+$/, '');
      // The archive's first member is the directory itself ("porthole-volume" or "."), then its contents.
      if (root === null) {
        root = clean;
        if (entry.type !== 'directory') throw new PortholeError('VALIDATION', `"${path}" is a file, not a folder.`);
        return;
      }
      const rel = clean.startsWith(`${root}/`) ? clean.slice(root.length + 1) : clean.replace(/^\.\//, '');
      if (!rel || rel.includes('/')) return;
      if (entries.length >= MAX_ENTRIES) {
        truncated = true;
        return false;
      }
      entries.push({
        name: rel,
        path: path ? `${path}/${rel}` : rel,
        type: entry.type,
        sizeBytes: entry.size,
        modifiedMs: entry.mtimeMs,
        mode: entry.mode,
        ...(entry.linkTarget !== undefined ? { linkTarget: entry.linkTarget } : {}),
      });
    });
    entries.sort((a, b) => (a.type === 'directory') !== (b.type === 'directory') ? (a.type === 'directory' ? -1 : 1) : a.name.localeCompare(b.name));
    return { path, entries, truncated };
  });
}

/** One file's bytes from a volume (at most 64 MB). */
export function readVolumeFile(docker: Dockerode, volume: string, path: string): Promise<{ name: string; sizeBytes: number; base64: string }> {
  if (!path) return Promise.reject(new PortholeError('VALIDATION', 'Choose a file to download.'));
  return withHelper(docker, volume, async (helper) => {
    const stream = await archive(helper, path);
    let result: { name: string; sizeBytes: number; base64: string } | null = null;
    let problem: PortholeError | null = null;
    await readTar(
      stream,
      (entry, body) => {
        if (entry.type !== 'file') problem = new PortholeError('VALIDATION', `"${path}" is a ${entry.type}, not a file.`);
        else if (entry.size > MAX_DOWNLOAD_BYTES) problem = new PortholeError('VALIDATION', `"${path}" is larger than 64 MB; copy it out with docker cp instead.`);
        else result = { name: path.split('/').pop() ?? path, sizeBytes: entry.size, base64: (body ?? Buffer.alloc(0)).toString('base64') };
        return false;
      },
      (entry) => entry.size <= MAX_DOWNLOAD_BYTES,
    );
    if (problem) throw problem;
    if (!result) throw new PortholeError('NOT_FOUND', `There is no file "${path}" in this volume.`);
    return result;
  });
}
