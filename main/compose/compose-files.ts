import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { PortholeError } from '../../shared/errors';

/** The names compose looks for, in its order of preference (Compose v2 / the spec). */
export const COMPOSE_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'] as const;

export interface ComposeFileSet {
  workingDir: string;
  /** In merge order: the main file, then its override (later files win). */
  files: string[];
  /** The project folder's .env, which compose reads for interpolation. */
  envFile?: string;
}

/** `compose.yaml` → `compose.override.yaml` (and .yml), as compose pairs them. */
export function overrideCandidates(file: string): string[] {
  const name = basename(file);
  const m = /^(.*)\.(ya?ml)$/.exec(name);
  if (!m) return [];
  const dir = dirname(file);
  return [join(dir, `${m[1]}.override.${m[2]}`), join(dir, `${m[1]}.override.${m[2] === 'yaml' ? 'yml' : 'yaml'}`)];
}

/**
 * Finds what compose would read for a folder or a file: the first compose file by compose's own order,
 * then its `*.override.*` file, and the folder's `.env`. `exists` is injectable for unit tests.
 */
export function resolveComposeFiles(path: string, exists: (p: string) => boolean = existsSync, isDir: (p: string) => boolean = isDirectory): ComposeFileSet {
  const full = resolve(path);
  if (!exists(full)) throw new PortholeError('NOT_FOUND', `${full} does not exist.`);
  let main: string;
  let workingDir: string;
  if (isDir(full)) {
    workingDir = full;
    const found = COMPOSE_FILE_NAMES.map((n) => join(full, n)).find(exists);
    if (!found) {
      throw new PortholeError('NOT_FOUND', `No compose file in ${full}: looked for ${COMPOSE_FILE_NAMES.join(', ')}.`);
    }
    main = found;
  } else {
    main = full;
    workingDir = dirname(full);
  }
  const override = overrideCandidates(main).find(exists);
  const envFile = join(workingDir, '.env');
  return { workingDir, files: override ? [main, override] : [main], ...(exists(envFile) ? { envFile } : {}) };
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** compose v2's rule: lowercase, and only letters, digits, dashes and underscores (leading ones stripped). */
export function projectNameFor(workingDir: string): string {
  const name = basename(workingDir)
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[_-]+/, '');
  return name || 'default';
}
