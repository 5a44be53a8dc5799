import type Dockerode from 'dockerode';
import { pack } from 'tar-stream';
import { PortholeError } from '../../shared/errors';
import { withDeadline } from '../lib/deadline';
import { archiveError, ARCHIVE_MS } from './archive';

export interface NewFile {
  name: string;
  bytes: Buffer;
  mode?: number;
  uid?: number;
  gid?: number;
}

async function tarOf(files: NewFile[]): Promise<Buffer> {
  const archive = pack();
  const chunks: Buffer[] = [];
  archive.on('data', (c: unknown) => {
    chunks.push(c as Buffer);
  });
  const done = new Promise<void>((resolve, reject) => {
    archive.on('end', () => resolve());
    archive.on('error', reject);
  });
  for (const file of files) {
    archive.entry({ name: file.name, size: file.bytes.length, mode: file.mode ?? 0o644, uid: file.uid ?? 0, gid: file.gid ?? 0, mtime: new Date() }, file.bytes);
  }
  archive.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** Writes files into one folder of a container (running or stopped) through PUT /archive. */
export async function writeFiles(container: Dockerode.Container, folder: string, files: NewFile[]): Promise<void> {
  const tar = await tarOf(files);
  try {
    await withDeadline(container.putArchive(tar, { path: folder }) as Promise<unknown>, ARCHIVE_MS, 'The engine (writing files)');
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 403) throw new PortholeError('PERMISSION_DENIED', `"${folder}" is read-only in this container.`);
    if (status === 400) throw new PortholeError('VALIDATION', `"${folder}" is not a folder in this container.`);
    throw archiveError(error, folder);
  }
}
