import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface AtomicWriteOptions {
  /** File mode for the new file (e.g. 0o600 for anything a user would not want others to read). */
  mode?: number;
  /** Mode for folders created on the way (e.g. 0o700 for a secrets folder). */
  dirMode?: number;
}

const tempOf = (file: string) => `${file}.${process.pid}.tmp`;

/**
 * Replaces `file` as a whole: the data goes to a temp file beside it, then a rename swaps it in, so a
 * crash or a concurrent reader sees the old content or the new, never half of it.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: options.dirMode });
  const tmp = tempOf(file);
  await writeFile(tmp, data, { mode: options.mode });
  await rename(tmp, file);
}

/** The synchronous twin, for settings read and written at start-up and on quit. */
export function writeFileAtomicSync(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  mkdirSync(dirname(file), { recursive: true, mode: options.dirMode });
  const tmp = tempOf(file);
  writeFileSync(tmp, data, { mode: options.mode });
  renameSync(tmp, file);
}
