import type Dockerode from 'dockerode';
import { PortholeError } from '../../shared/errors';
import type { FileEntry, FileListing } from '../../shared/api/files';
import { readTar, type TarEntry } from '../lib/tar-reader';
import { openArchive } from './archive';

function toEntry(folder: string, name: string, entry: TarEntry): FileEntry {
  return {
    name,
    path: folder === '/' ? `/${name}` : `${folder}/${name}`,
    type: entry.type,
    sizeBytes: entry.type === 'file' ? entry.size : 0,
    mode: entry.mode & 0o7777,
    uid: entry.uid ?? 0,
    gid: entry.gid ?? 0,
    ...(entry.uname ? { owner: entry.uname } : {}),
    modifiedMs: entry.mtimeMs,
    ...(entry.linkTarget !== undefined ? { linkTarget: entry.linkTarget } : {}),
  };
}

/**
 * One page of a folder's direct children, in the archive's (lexical) order. The engine sends the whole
 * subtree; bodies are skipped, and reading stops as soon as the page is full and one more child shows
 * that there is a next page.
 */
export async function listFolder(container: Dockerode.Container, path: string, after: string | undefined, limit: number, signal?: AbortSignal): Promise<FileListing> {
  const stream = await openArchive(container, path === '/' ? '/.' : `${path}/.`, signal);
  const entries: FileEntry[] = [];
  let nextAfter: string | null = null;
  let first = true;
  await readTar(stream, (entry) => {
    const clean = entry.path.replace(/^\.\/?/, '').replace(/\/+$/, '');
    if (first) {
      first = false;
      if (entry.type !== 'directory') throw new PortholeError('VALIDATION', `"${path}" is a file, not a folder.`);
      if (!clean) return;
    }
    if (!clean || clean.includes('/')) return;
    if (after !== undefined && clean <= after) return;
    if (entries.length >= limit) {
      nextAfter = entries[entries.length - 1].name;
      return false;
    }
    entries.push(toEntry(path, clean, entry));
  });
  return { path, entries, nextAfter };
}
