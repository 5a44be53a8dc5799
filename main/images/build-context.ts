import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile, readlink, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import DockerIgnore from '@balena/dockerignore';
import { pack, type Pack } from 'tar-stream';

/**
 * Every file (and empty folder) of a build folder, as paths relative to it with `/` separators.
 *
 * dockerode applies `.dockerignore` correctly only to the entries it is given: while it recurses into a
 * folder, it matches absolute paths and so keeps every nested file (`config/local.env`, `**\/*.tmp`,
 * `cache/` …). Handing it the full list of files lets its filter decide for each one, as the docker CLI does.
 * Folders that a plain pattern excludes outright are not walked at all (node_modules, .git), unless an
 * exception (`!…`) might bring something inside them back.
 */
export async function listContextEntries(context: string, dockerfile = 'Dockerfile'): Promise<string[]> {
  const alwaysSent = new Set([dockerfile.replace(/\\/g, '/').replace(/^\.\//, ''), '.dockerignore']);
  const entries = await walkContext(context, prunableFolders(await readFile(join(context, '.dockerignore'), 'utf8').catch(() => '')));
  return [...entries.filter((e) => !alwaysSent.has(e)), ...(await existing(context, [...alwaysSent])).map((e) => `./${e}`)];
}

async function walkContext(context: string, prunable: (path: string, name: string) => boolean): Promise<string[]> {
  const entries: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const children = await readdir(relative ? join(context, relative) : context, { withFileTypes: true });
    if (children.length === 0 && relative) entries.push(relative);
    for (const child of children) {
      const path = relative ? `${relative}/${child.name}` : child.name;
      if (child.isDirectory()) {
        if (!prunable(path, child.name)) await walk(path);
      } else {
        entries.push(path);
      }
    }
  };
  await walk('');
  return entries;
}

/**
 * The docker CLI always sends the Dockerfile and .dockerignore, even when .dockerignore excludes them
 * (`*` then `!app/` is common); the engine reads them, then hides them from COPY itself. dockerode's
 * filter would drop them, but it keeps a `./`-prefixed name, which the engine treats as the same path.
 */
async function existing(context: string, paths: string[]): Promise<string[]> {
  const found = await Promise.all(paths.map((p) => stat(join(context, p)).then((s) => s.isFile(), () => false)));
  return paths.filter((_, i) => found[i]);
}

function prunableFolders(text: string): (path: string, name: string) => boolean {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (lines.some((l) => l.startsWith('!'))) return () => false;
  const exact = new Set<string>();
  const anywhere = new Set<string>();
  for (const line of lines) {
    const clean = line.replace(/^\/+/, '').replace(/\/+$/, '');
    if (/^\*\*\/[^*?[\]/\\]+$/.test(clean)) anywhere.add(clean.slice(3));
    else if (!/[*?[\]\\]/.test(clean)) exact.add(clean);
  }
  return (path, name) => exact.has(path) || anywhere.has(name);
}

/** The name the in-memory Dockerfile has inside the tar: one a folder's own files will not hold (it is left out if one does). */
export const INLINE_DOCKERFILE = '.porthole.Dockerfile';

export interface SuppliedFiles {
  /** A Dockerfile Porthole supplies, sent as INLINE_DOCKERFILE instead of one read from the folder. */
  dockerfileText?: string;
  /** Ignore rules Porthole supplies, used instead of the folder's .dockerignore (which the folder does not have). */
  ignoreText?: string;
}

/**
 * The build context as a tar made here, for a build whose Dockerfile or ignore rules are Porthole's, not
 * files in the folder (nothing is written into it). The folder's files are filtered with the same matcher
 * dockerode applies to a .dockerignore (@balena/dockerignore); the tar carries the Dockerfile and a
 * .dockerignore of those rules, which the engine reads and then hides from COPY, as it does for the CLI.
 */
export async function packContext(context: string, dockerfile: string, supplied: SuppliedFiles): Promise<{ tar: Readable; dockerfile: string }> {
  const rules = supplied.ignoreText ?? (await readFile(join(context, '.dockerignore'), 'utf8').catch(() => ''));
  const dockerfileName = supplied.dockerfileText !== undefined ? INLINE_DOCKERFILE : dockerfile.replace(/\\/g, '/').replace(/^\.\//, '');
  const keep = DockerIgnore({ ignorecase: false }).add(rules).createFilter();
  const special = new Set(['.dockerignore', INLINE_DOCKERFILE, dockerfileName]);
  const entries = (await walkContext(context, prunableFolders(rules))).filter((e) => !special.has(e) && keep(e));
  const ignore = `${rules.replace(/\n?$/, '\n')}.dockerignore\n${INLINE_DOCKERFILE}\n`;
  const archive = pack();
  const fill = async () => {
    const now = new Date();
    archive.entry({ name: '.dockerignore', size: Buffer.byteLength(ignore), mode: 0o644, mtime: now }, ignore);
    if (supplied.dockerfileText !== undefined) archive.entry({ name: INLINE_DOCKERFILE, size: Buffer.byteLength(supplied.dockerfileText), mode: 0o644, mtime: now }, supplied.dockerfileText);
    else await addEntry(archive, context, dockerfileName);
    for (const entry of entries) {
      if (archive.destroying) return;
      await addEntry(archive, context, entry);
    }
    archive.finalize();
  };
  fill().catch((error: Error) => archive.destroy(error));
  return { tar: Readable.from(archive, { objectMode: false }), dockerfile: dockerfileName };
}

async function addEntry(archive: Pack, context: string, name: string): Promise<void> {
  const path = join(context, name);
  const info = await lstat(path).catch(() => null);
  if (!info) return;
  const header = { name, mode: info.mode & 0o7777, mtime: info.mtime, uid: 0, gid: 0 };
  if (info.isDirectory()) {
    archive.entry({ ...header, type: 'directory' });
  } else if (info.isSymbolicLink()) {
    archive.entry({ ...header, type: 'symlink', linkname: await readlink(path) });
  } else if (info.isFile()) {
    await new Promise<void>((resolve, reject) => {
      // A cancelled build destroys the archive: close the file and stop (a destroyed pack never drains).
      const closed = () => stop(new Error('The build context was closed.'));
      const stop = (error: Error | null) => {
        archive.off('close', closed);
        source.destroy();
        if (error) reject(error);
        else resolve();
      };
      const sink = archive.entry({ ...header, size: info.size }, (error) => stop(error ?? null));
      const source = createReadStream(path);
      archive.once('close', closed);
      source.on('error', stop);
      sink.on('error', stop);
      source.on('data', (chunk) => {
        if (!sink.write(chunk)) {
          source.pause();
          sink.once('drain', () => source.resume());
        }
      });
      source.on('end', () => sink.end(null));
    });
  }
}
