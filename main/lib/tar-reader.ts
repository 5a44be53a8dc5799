import type { Readable } from 'node:stream';

export interface TarEntry {
  path: string;
  type: 'file' | 'directory' | 'symlink' | 'other';
  size: number;
  mode: number;
  mtimeMs: number;
  linkTarget?: string;
  uid?: number;
  gid?: number;
  /** The owner's name, when the archive carries one. */
  uname?: string;
}

const BLOCK = 512;

function field(header: Buffer, offset: number, length: number): string {
  const raw = header.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

function octal(header: Buffer, offset: number, length: number): number {
  // GNU base-256 for values too large for octal (files ≥ 8 GiB).
  if (header[offset] & 0x80) {
    let value = 0;
    for (let i = offset + 1; i < offset + length; i++) value = value * 256 + header[i];
    return value;
  }
  const text = field(header, offset, length).trim();
  return text ? parseInt(text, 8) : 0;
}

function typeOf(flag: string): TarEntry['type'] {
  if (flag === '0' || flag === '' || flag === '7') return 'file';
  if (flag === '5') return 'directory';
  if (flag === '2') return 'symlink';
  return 'other';
}

/**
 * Reads a tar stream (ustar, GNU long names, PAX path/size) and calls `onEntry` for each member with
 * its body. `onEntry` returning false stops reading. Bodies are handed over whole, so only ask for
 * them (`wantBody`) when they are small.
 */
export async function readTar(
  stream: Readable,
  onEntry: (entry: TarEntry, body: Buffer | null) => boolean | void,
  wantBody: (entry: TarEntry) => boolean = () => false,
): Promise<void> {
  let buffer: Buffer = Buffer.alloc(0);
  let pending: { entry: TarEntry; remaining: number; padded: number; chunks: Buffer[] | null } | null = null;
  let longName: string | null = null;
  let pax: Record<string, string> = {};
  let meta: { kind: 'L' | 'x'; remaining: number; padded: number; chunks: Buffer[] } | null = null;

  for await (const chunk of stream as AsyncIterable<Buffer>) {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    for (;;) {
      const body = pending ?? meta;
      if (body) {
        const take = Math.min(buffer.length, body.padded);
        const useful = Math.min(take, body.remaining);
        if (useful > 0 && 'chunks' in body && body.chunks) body.chunks.push(buffer.subarray(0, useful));
        body.remaining -= useful;
        body.padded -= take;
        buffer = buffer.subarray(take);
        if (body.padded > 0) break;
        if (pending) {
          const done = pending;
          pending = null;
          if (onEntry(done.entry, done.chunks ? Buffer.concat(done.chunks) : null) === false) {
            stream.destroy();
            return;
          }
        } else if (meta) {
          const text = Buffer.concat(meta.chunks).toString('utf8');
          if (meta.kind === 'L') longName = text.replace(/\0+$/, '');
          else pax = Object.fromEntries([...text.matchAll(/\d+ ([^=]+)=([^\n]*)\n/g)].map((m) => [m[1], m[2]]));
          meta = null;
        }
        continue;
      }
      if (buffer.length < BLOCK) break;
      const header = buffer.subarray(0, BLOCK);
      buffer = buffer.subarray(BLOCK);
      if (header.every((b) => b === 0)) continue;
      const flag = String.fromCharCode(header[156] || 48);
      const size = octal(header, 124, 12);
      const padded = Math.ceil(size / BLOCK) * BLOCK;
      if (flag === 'L' || flag === 'x' || flag === 'g') {
        meta = { kind: flag === 'L' ? 'L' : 'x', remaining: size, padded, chunks: [] };
        if (flag === 'g') meta.kind = 'x';
        continue;
      }
      const prefix = field(header, 345, 155);
      const name = longName ?? pax.path ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
      const entry: TarEntry = {
        path: name,
        type: typeOf(flag),
        size: pax.size ? Number(pax.size) : size,
        mode: octal(header, 100, 8),
        mtimeMs: (pax.mtime ? Number(pax.mtime) : octal(header, 136, 12)) * 1000,
        ...(flag === '2' ? { linkTarget: pax.linkpath ?? field(header, 157, 100) } : {}),
        uid: pax.uid ? Number(pax.uid) : octal(header, 108, 8),
        gid: pax.gid ? Number(pax.gid) : octal(header, 116, 8),
        ...(pax.uname || field(header, 265, 32) ? { uname: pax.uname ?? field(header, 265, 32) } : {}),
      };
      longName = null;
      pax = {};
      const realPadded = Math.ceil(entry.size / BLOCK) * BLOCK;
      pending = { entry, remaining: entry.size, padded: realPadded, chunks: entry.type === 'file' && wantBody(entry) ? [] : null };
    }
  }
  if (pending && pending.padded === 0) onEntry(pending.entry, pending.chunks ? Buffer.concat(pending.chunks) : null);
}
