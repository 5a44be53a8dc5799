import type Dockerode from 'dockerode';
import { PortholeError } from '../../shared/errors';
import { readTar, type TarEntry } from '../lib/tar-reader';
import { openArchive, resolveLink } from './archive';

const MAX_HOPS = 8;

export interface FileBytes {
  /** Where the bytes really came from, after symlinks. */
  path: string;
  entry: TarEntry;
  bytes: Buffer;
}

/** One regular file's bytes (following symlinks), refused above `maxBytes` without reading the body. */
export async function readFileBytes(container: Dockerode.Container, path: string, maxBytes: number, tooBig: (size: number) => string): Promise<FileBytes> {
  let current = path;
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    const stream = await openArchive(container, current);
    let found: { entry: TarEntry; body: Buffer | null } | null = null;
    await readTar(
      stream,
      (entry, body) => {
        found = { entry, body };
        return false;
      },
      (entry) => entry.type === 'file' && entry.size <= maxBytes,
    );
    const got = found as { entry: TarEntry; body: Buffer | null } | null;
    if (!got) throw new PortholeError('NOT_FOUND', `There is no "${path}" in this container.`);
    if (got.entry.type === 'symlink' && got.entry.linkTarget) {
      current = resolveLink(current, got.entry.linkTarget);
      continue;
    }
    if (got.entry.type === 'directory') throw new PortholeError('VALIDATION', `"${path}" is a folder; open it instead.`);
    if (got.entry.type !== 'file') throw new PortholeError('VALIDATION', `"${path}" is not a regular file.`);
    if (got.entry.size > maxBytes) throw new PortholeError('VALIDATION', tooBig(got.entry.size));
    return { path: current, entry: got.entry, bytes: got.body ?? Buffer.alloc(0) };
  }
  throw new PortholeError('VALIDATION', `"${path}" is a chain of more than ${MAX_HOPS} symlinks.`);
}

/** The whole tar of a folder, as the engine sends it, refused once it passes `maxBytes`. */
export async function readFolderTar(container: Dockerode.Container, path: string, maxBytes: number): Promise<Buffer> {
  const stream = await openArchive(container, path === '/' ? '/.' : path);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      stream.destroy();
      throw new PortholeError('VALIDATION', `"${path}" is larger than ${Math.round(maxBytes / 1024 / 1024)} MB as an archive; copy it out with docker cp instead.`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
