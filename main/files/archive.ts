import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import { PortholeError } from '../../shared/errors';
import { withDeadline } from '../lib/deadline';
import { engineMessage } from '../engine/errors';

/** How long one archive read may take in all; the engine has to walk the folder. */
export const ARCHIVE_MS = 60_000;

/** Turns the engine's 404s into words: a removed container, or a path that is not there. */
export function archiveError(error: unknown, path: string): unknown {
  const err = error as { statusCode?: number; json?: unknown; message?: string };
  if (err?.statusCode !== 404) return error;
  const message = engineMessage(err as Error);
  if (/no such container/i.test(message))
    return new PortholeError('NOT_FOUND', 'This container no longer exists — it was removed, and the files in it went with it.', { reason: 'container-removed' });
  return new PortholeError('NOT_FOUND', `There is no "${path}" in this container.`, { reason: 'path-missing' });
}

/**
 * The tar of one path, cancelled when `signal` aborts or the deadline passes. A trailing "/." makes
 * the engine follow a symlinked folder and name members "./child".
 */
export async function openArchive(container: Dockerode.Container, path: string, signal?: AbortSignal, ms = ARCHIVE_MS): Promise<Readable> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ms);
  signal?.addEventListener('abort', () => abort.abort(), { once: true });
  try {
    const stream = (await withDeadline(container.getArchive({ path, abortSignal: abort.signal }) as unknown as Promise<Readable>, ms, 'The engine (reading files)')) as Readable;
    stream.once('close', () => clearTimeout(timer));
    return stream;
  } catch (error) {
    clearTimeout(timer);
    throw archiveError(error, path);
  }
}

export function parentOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Resolves a symlink's target against the folder that holds the link; never leaves "/". */
export function resolveLink(linkPath: string, target: string): string {
  const joined = target.startsWith('/') ? target : `${parentOf(linkPath)}/${target}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}
