import { readdir, readFile, stat, access } from 'node:fs/promises';
import { constants } from 'node:fs';
import { join, relative } from 'node:path';
import { PortholeError } from '../../shared/errors';

const MAX_TEXT = 512 * 1024;
const SKIP_DIRS = new Set(['node_modules', '.git', '.venv', 'venv', '__pycache__', 'vendor', 'dist', 'build', '.next', 'target', 'tmp', 'log']);

/** Read-only, cached access to an app folder; every path is relative to it. */
export class AppFolder {
  private readonly texts = new Map<string, Promise<string | null>>();

  private constructor(
    readonly root: string,
    readonly entries: string[],
  ) {}

  /** Opens a folder, refusing what cannot be deployed with a message that says why. */
  static async open(root: string): Promise<AppFolder> {
    let info;
    try {
      info = await stat(root);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') throw new PortholeError('VALIDATION', `${root} is a symbolic link that points back at itself (a link loop). Choose the real folder.`);
      if (code === 'EACCES' || code === 'EPERM') throw new PortholeError('PERMISSION_DENIED', `Porthole may not read ${root}. Check the folder's permissions.`);
      throw new PortholeError('VALIDATION', `The folder ${root} does not exist.`);
    }
    if (!info.isDirectory()) throw new PortholeError('VALIDATION', `${root} is a file, not a folder. Choose the folder that holds the app.`);
    let entries: string[];
    try {
      await access(root, constants.R_OK | constants.X_OK);
      entries = await readdir(root);
    } catch {
      throw new PortholeError('PERMISSION_DENIED', `Porthole may not read the folder ${root}. Check its permissions (it needs read and execute).`);
    }
    if (entries.length === 0) throw new PortholeError('VALIDATION', `The folder ${root} is empty. Choose the folder that holds your app's code.`);
    return new AppFolder(root, entries.sort());
  }

  has(name: string): boolean {
    if (!name.includes('/')) return this.entries.includes(name);
    return this.entries.includes(name.split('/')[0]);
  }

  /** File text (≤ 512 KiB), or null when missing, unreadable or not a file. */
  text(path: string): Promise<string | null> {
    let pending = this.texts.get(path);
    if (!pending) {
      pending = (async () => {
        const full = join(this.root, path);
        const info = await stat(full).catch(() => null);
        if (!info?.isFile() || info.size > MAX_TEXT) return null;
        return readFile(full, 'utf8').catch(() => null);
      })();
      this.texts.set(path, pending);
    }
    return pending;
  }

  async json(path: string): Promise<Record<string, unknown> | null> {
    const text = await this.text(path);
    if (text === null) return null;
    try {
      const value: unknown = JSON.parse(text);
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }

  async isFile(path: string): Promise<boolean> {
    return Boolean((await stat(join(this.root, path)).catch(() => null))?.isFile());
  }

  async isDir(path: string): Promise<boolean> {
    return Boolean((await stat(join(this.root, path)).catch(() => null))?.isDirectory());
  }

  /** Source files with these extensions, shallow first, at most `limit` (skips dependencies and build output). */
  async sourceFiles(extensions: string[], limit = 60, depth = 2): Promise<string[]> {
    const found: string[] = [];
    const walk = async (dir: string, level: number): Promise<void> => {
      if (found.length >= limit) return;
      const names = (await readdir(dir, { withFileTypes: true }).catch(() => [])).sort((a, b) => a.name.localeCompare(b.name));
      for (const entry of names) {
        if (found.length >= limit) return;
        if (entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext))) found.push(relative(this.root, join(dir, entry.name)));
      }
      if (level >= depth) return;
      for (const entry of names) {
        if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIP_DIRS.has(entry.name)) await walk(join(dir, entry.name), level + 1);
      }
    };
    await walk(this.root, 0);
    return found;
  }
}

/** The first line of a version file, without comments. */
export function firstLine(text: string | null): string | null {
  if (text === null) return null;
  const line = text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*/, '').trim())
    .find((l) => l.length > 0);
  return line ?? null;
}

/** `.tool-versions` (asdf/mise): the version for one tool. */
export function toolVersion(text: string | null, tool: string): string | null {
  if (text === null) return null;
  for (const raw of text.split(/\r?\n/)) {
    const [name, version] = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (name === tool && version) return version;
  }
  return null;
}
