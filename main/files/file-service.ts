import type Dockerode from 'dockerode';
import { PortholeError } from '../../shared/errors';
import { MAX_EDIT_BYTES, MAX_FILE_DOWNLOAD_BYTES, MAX_UPLOAD_BYTES, type FileContent, type FileDownload, type FileListing } from '../../shared/api/files';
import type { EngineConnection } from '../engine/connection';
import { baseName, parentOf } from './archive';
import { listFolder } from './list-folder';
import { readFileBytes, readFolderTar } from './read-file';
import type * as WriteFilesModule from './write-files';

// tar-stream loads on the first write, not at every start of the host (bench B4).
const writeFiles: typeof WriteFilesModule.writeFiles = async (...args) => (await import('./write-files')).writeFiles(...args);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return !bytes.includes(0);
  } catch {
    return false;
  }
}

/**
 * A container's filesystem, running or stopped, through the engine's archive API only (no exec, so it
 * works on images without a shell). Paths arrive normalised and absolute; `..` never gets this far.
 */
export class FileService {
  constructor(private readonly connection: EngineConnection) {}

  private container(id: string): Dockerode.Container {
    return this.connection.client().getContainer(id);
  }

  list(containerId: string, path: string, after: string | undefined, limit: number): Promise<FileListing> {
    return listFolder(this.container(containerId), path, after, limit);
  }

  async read(containerId: string, path: string): Promise<FileContent> {
    const file = await readFileBytes(this.container(containerId), path, MAX_EDIT_BYTES, (size) => `"${path}" is ${mb(size)}; files up to 1 MB can be viewed here. Download it instead.`);
    return { path, sizeBytes: file.bytes.length, base64: file.bytes.toString('base64'), text: isUtf8(file.bytes) };
  }

  /** Writes an edited file back, keeping its mode and owner (symlinks are followed to the real file). */
  async save(containerId: string, path: string, base64: string): Promise<{ path: string; sizeBytes: number }> {
    const bytes = Buffer.from(base64, 'base64');
    if (bytes.length > MAX_EDIT_BYTES) throw new PortholeError('VALIDATION', 'Files up to 1 MB can be edited here.');
    const container = this.container(containerId);
    const current = await readFileBytes(container, path, MAX_EDIT_BYTES, () => `"${path}" is larger than 1 MB and cannot be edited here.`);
    await writeFiles(container, parentOf(current.path), [{ name: baseName(current.path), bytes, mode: current.entry.mode & 0o7777, uid: current.entry.uid, gid: current.entry.gid }]);
    return { path, sizeBytes: bytes.length };
  }

  async download(containerId: string, path: string): Promise<FileDownload> {
    const container = this.container(containerId);
    try {
      const file = await readFileBytes(container, path, MAX_FILE_DOWNLOAD_BYTES, (size) => `"${path}" is ${mb(size)}; downloads here stop at 64 MB. Copy it out with docker cp instead.`);
      return { name: baseName(file.path) || 'file', kind: 'file', sizeBytes: file.bytes.length, base64: file.bytes.toString('base64') };
    } catch (error) {
      if (!(error instanceof PortholeError && error.message.includes('is a folder'))) throw error;
    }
    const tar = await readFolderTar(container, path, MAX_FILE_DOWNLOAD_BYTES);
    return { name: `${baseName(path) || 'root'}.tar`, kind: 'tar', sizeBytes: tar.length, base64: tar.toString('base64') };
  }

  async upload(containerId: string, folder: string, files: { name: string; base64: string }[]): Promise<{ folder: string; written: string[] }> {
    const decoded = files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') }));
    const total = decoded.reduce((n, f) => n + f.bytes.length, 0);
    if (total > MAX_UPLOAD_BYTES) throw new PortholeError('VALIDATION', `One upload can carry up to 8 MB (this one is ${mb(total)}); send fewer files at a time.`);
    await writeFiles(this.container(containerId), folder, decoded);
    return { folder, written: decoded.map((f) => f.name) };
  }
}
