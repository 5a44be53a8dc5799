import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

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
  const prunable = await prunableFolders(context);
  const alwaysSent = new Set([dockerfile.replace(/\\/g, '/').replace(/^\.\//, ''), '.dockerignore']);
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
  return [...entries.filter((e) => !alwaysSent.has(e)), ...(await existing(context, [...alwaysSent])).map((e) => `./${e}`)];
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

async function prunableFolders(context: string): Promise<(path: string, name: string) => boolean> {
  const text = await readFile(join(context, '.dockerignore'), 'utf8').catch(() => '');
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
