import type { Writable } from 'node:stream';

/** File types as the mode's high bits (stat.h). */
export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;
export const S_IFLNK = 0o120000;
export const S_IFCHR = 0o020000;

export interface CpioEntry {
  /** Path inside the archive, without a leading `/` or `./`. */
  name: string;
  /** Type bits | permission bits. */
  mode: number;
  size: number;
  mtimeS?: number;
  uid?: number;
  gid?: number;
  rdevMajor?: number;
  rdevMinor?: number;
}

const TRAILER = 'TRAILER!!!';
const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
const pad4 = (n: number) => (4 - (n % 4)) % 4;

/** Normalises a path to the archive's form: no leading `/` or `./`, no trailing `/`; the root is `.`. */
export function archiveName(path: string): string {
  const name = path.replace(/^(\.\/|\/)+/, '').replace(/\/+$/, '');
  return name === '' ? '.' : name;
}

/** The 110-byte "070701" (newc) header, then the NUL-terminated name padded to 4 bytes. */
export function newcHeader(entry: CpioEntry, ino: number): Buffer {
  const name = Buffer.from(`${entry.name}\0`, 'utf8');
  const fields = [
    ino,
    entry.mode,
    entry.uid ?? 0,
    entry.gid ?? 0,
    (entry.mode & 0o170000) === S_IFDIR ? 2 : 1,
    entry.mtimeS ?? 0,
    entry.size,
    0,
    0,
    entry.rdevMajor ?? 0,
    entry.rdevMinor ?? 0,
    name.length,
    0,
  ];
  const header = Buffer.from(`070701${fields.map(hex8).join('')}`, 'ascii');
  return Buffer.concat([header, name, Buffer.alloc(pad4(header.length + name.length))]);
}

/**
 * Writes a newc cpio archive (the format the Linux kernel unpacks as an initramfs) to `out`, one entry
 * at a time, bodies streamed. Each entry gets its own inode number: hard links are written as copies
 * or symlinks by the caller, which the kernel's unpacker handles without link bookkeeping.
 */
export class CpioWriter {
  private ino = 1;
  private bytes = 0;

  constructor(private readonly out: Writable) {}

  /** Bytes written so far (uncompressed). */
  get size(): number {
    return this.bytes;
  }

  private async write(chunk: Buffer): Promise<void> {
    this.bytes += chunk.length;
    if (!this.out.write(chunk)) await new Promise<void>((resolve) => this.out.once('drain', resolve));
  }

  /** Adds an entry; `body` must yield exactly `entry.size` bytes (a Buffer, or chunks). */
  async add(entry: CpioEntry, body?: Buffer | AsyncIterable<Buffer>): Promise<void> {
    await this.write(newcHeader(entry, this.ino++));
    let written = 0;
    if (Buffer.isBuffer(body)) {
      await this.write(body);
      written = body.length;
    } else if (body) {
      for await (const chunk of body) {
        await this.write(chunk);
        written += chunk.length;
      }
    }
    if (written !== entry.size) throw new Error(`cpio: ${entry.name} has ${written} bytes, its header says ${entry.size}`);
    await this.write(Buffer.alloc(pad4(written)));
  }

  addDirectory(name: string, mode = 0o755): Promise<void> {
    return this.add({ name: archiveName(name), mode: S_IFDIR | mode, size: 0 });
  }

  addFile(name: string, content: Buffer | string, mode = 0o644): Promise<void> {
    const body = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    return this.add({ name: archiveName(name), mode: S_IFREG | mode, size: body.length }, body);
  }

  addSymlink(name: string, target: string): Promise<void> {
    const body = Buffer.from(target, 'utf8');
    return this.add({ name: archiveName(name), mode: S_IFLNK | 0o777, size: body.length }, body);
  }

  addCharDevice(name: string, major: number, minor: number, mode = 0o600): Promise<void> {
    return this.add({ name: archiveName(name), mode: S_IFCHR | mode, size: 0, rdevMajor: major, rdevMinor: minor });
  }

  /** The closing entry; the archive is complete after it (the caller ends `out`). */
  finish(): Promise<void> {
    return this.add({ name: TRAILER, mode: 0, size: 0 });
  }
}
