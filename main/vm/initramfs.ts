import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { extract as tarExtract } from 'tar-stream';
import { PortholeError } from '../../shared/errors';
import { archiveName, CpioWriter, S_IFCHR, S_IFDIR, S_IFLNK, S_IFREG } from './cpio';

/** Where Porthole's own files sit inside the guest, out of the workload's way. */
export const GUEST_DIR = '.porthole';
export const GUEST_BUSYBOX = `/${GUEST_DIR}/busybox`;

const S_IFBLK = 0o060000;
const S_IFIFO = 0o010000;
const TYPE_BITS: Record<string, number> = { file: S_IFREG, 'contiguous-file': S_IFREG, directory: S_IFDIR, symlink: S_IFLNK, 'character-device': S_IFCHR, 'block-device': S_IFBLK, fifo: S_IFIFO };
const DECOMPRESSORS: Record<string, { program: string; package: string }> = {
  '.xz': { program: 'xz', package: 'xz-utils' },
  '.zst': { program: 'zstd', package: 'zstd' },
  '.gz': { program: 'gzip', package: 'gzip' },
};

/** A kernel module's bytes, decompressed: busybox insmod takes plain ELF only. */
export async function readModule(path: string, signal?: AbortSignal): Promise<Buffer> {
  const suffix = /\.(xz|zst|gz)$/.exec(path)?.[0];
  if (!suffix) return readFile(path);
  const tool = DECOMPRESSORS[suffix];
  return new Promise((resolve, reject) => {
    execFile(tool.program, ['-dc', path], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, signal, timeout: 30_000 }, (error, stdout) => {
      if (!error) return resolve(stdout);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') reject(new PortholeError('NOT_FOUND', `${basename(path)} is compressed and ${tool.program} is not installed (Debian: ${tool.package}).`));
      else reject(error);
    });
  });
}

export interface PackInput {
  /** `docker export` of a container: its whole file system as a tar stream. */
  rootfs: Readable;
  busybox: string;
  /** Module files on the host, in load order. */
  modules: string[];
  /** Writes the init once the module paths inside the guest are known. */
  init: (guestModules: string[]) => string;
  out: string;
  signal: AbortSignal;
}

/**
 * Packs the container's file system, a static busybox, the kernel modules and `/init` into a gzip'd
 * newc cpio at `out` — the initramfs the kernel unpacks as the VM's root. Streams end to end: no file
 * of the image is held whole in memory. Hard links become symlinks to their target.
 * Returns the archive's size on disk and the unpacked size.
 */
export async function packInitramfs(input: PackInput): Promise<{ initramfsBytes: number; rootfsBytes: number }> {
  const gzip = createGzip({ level: 6 });
  const file = createWriteStream(input.out, { mode: 0o600 });
  gzip.pipe(file);
  const cpio = new CpioWriter(gzip);
  const extract = tarExtract();
  const onAbort = () => {
    input.rootfs.destroy(new PortholeError('CANCELLED', 'Cancelled.'));
    extract.destroy(new PortholeError('CANCELLED', 'Cancelled.'));
  };
  input.signal.addEventListener('abort', onAbort, { once: true });
  try {
    input.rootfs.pipe(extract);
    for await (const entry of extract) {
      const h = entry.header;
      const name = archiveName(h.name);
      const mode = (h.mode ?? 0o644) & 0o7777;
      if (h.type === 'link' && h.linkname) {
        await cpio.addSymlink(name, `/${archiveName(h.linkname)}`);
        entry.resume();
      } else if (h.type === 'file' || h.type === 'contiguous-file') {
        await cpio.add({ name, mode: S_IFREG | mode, size: h.size ?? 0, mtimeS: Math.floor((h.mtime?.getTime() ?? 0) / 1000), uid: h.uid, gid: h.gid }, entry as AsyncIterable<Buffer>);
      } else if (h.type === 'symlink') {
        await cpio.addSymlink(name, h.linkname ?? '');
        entry.resume();
      } else if (h.type && TYPE_BITS[h.type] !== undefined) {
        await cpio.add({ name, mode: TYPE_BITS[h.type] | mode, size: 0, uid: h.uid, gid: h.gid, rdevMajor: h.devmajor, rdevMinor: h.devminor });
        entry.resume();
      } else entry.resume();
    }
    if (input.signal.aborted) throw new PortholeError('CANCELLED', 'Cancelled.');

    for (const dir of [GUEST_DIR, `${GUEST_DIR}/modules`, 'dev', 'proc', 'sys', 'run']) await cpio.addDirectory(dir);
    await cpio.add({ name: 'tmp', mode: S_IFDIR | 0o1777, size: 0 });
    await cpio.addCharDevice('dev/console', 5, 1);
    await cpio.addCharDevice('dev/null', 1, 3, 0o666);
    await cpio.addFile(GUEST_BUSYBOX, await readFile(input.busybox), 0o755);
    const guestModules: string[] = [];
    for (const path of input.modules) {
      const guestPath = `/${GUEST_DIR}/modules/${basename(path).replace(/\.(xz|zst|gz)$/, '')}`;
      await cpio.addFile(guestPath, await readModule(path, input.signal), 0o644);
      guestModules.push(guestPath);
    }
    await cpio.addFile('init', input.init(guestModules), 0o755);
    await cpio.finish();
    gzip.end();
    await finished(file);
    return { initramfsBytes: file.bytesWritten, rootfsBytes: cpio.size };
  } catch (error) {
    gzip.destroy();
    file.destroy();
    throw input.signal.aborted ? new PortholeError('CANCELLED', 'Cancelled.') : error;
  } finally {
    input.signal.removeEventListener('abort', onAbort);
  }
}
