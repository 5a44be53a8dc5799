import { afterEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { extract } from 'tar-stream';
import { INLINE_DOCKERFILE, listContextEntries, packContext } from '../../main/images/build-context';

const dirs: string[] = [];
async function folder(files: Record<string, string>, emptyDirs: string[] = []): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'porthole-ctx-unit-'));
  dirs.push(dir);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  for (const d of emptyDirs) await mkdir(join(dir, d), { recursive: true });
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('listContextEntries', () => {
  it('always sends the Dockerfile (also one in an excluded folder) and .dockerignore, under a ./ name the ignore filter keeps', async () => {
    const dir = await folder({ '.dockerignore': '*\n!app\n', 'docker/app.Dockerfile': '', 'app/main.js': '', Dockerfile: '' });
    expect((await listContextEntries(dir, 'docker/app.Dockerfile')).sort()).toEqual(['./.dockerignore', './docker/app.Dockerfile', 'Dockerfile', 'app/main.js']);
    const withoutIgnore = await folder({ Dockerfile: '' });
    expect(await listContextEntries(withoutIgnore)).toEqual(['./Dockerfile']);
  });

  it('lists every nested file relative to the folder, with / separators, and empty folders', async () => {
    const dir = await folder({ Dockerfile: 'FROM scratch', 'src/a.js': '', 'src/deep/b.js': '', '.dockerignore': '' }, ['empty/inner']);
    expect((await listContextEntries(dir)).sort()).toEqual(['./.dockerignore', './Dockerfile', 'empty/inner', 'src/a.js', 'src/deep/b.js']);
  });

  it('does not walk folders a plain pattern excludes (node_modules, **/.git, /cache/)', async () => {
    const dir = await folder({
      Dockerfile: '',
      '.dockerignore': '# deps\nnode_modules\n**/.git\n/cache/\nsrc/*.tmp\n',
      'node_modules/x/index.js': '',
      'cache/a': '',
      'pkg/.git/HEAD': '',
      'pkg/main.go': '',
      'src/keep.js': '',
      'src/node_modules/y.js': '',
    });
    expect((await listContextEntries(dir)).sort()).toEqual(['./.dockerignore', './Dockerfile', 'pkg/main.go', 'src/keep.js', 'src/node_modules/y.js']);
  });

  it('walks everything when an exception (!) could bring a file back', async () => {
    const dir = await folder({ '.dockerignore': 'node_modules\n!node_modules/keep.js\n', 'node_modules/keep.js': '', 'node_modules/drop.js': '' });
    expect((await listContextEntries(dir)).sort()).toEqual(['./.dockerignore', 'node_modules/drop.js', 'node_modules/keep.js']);
  });
});

/** Every entry of a tar: name → [type, text of a file]. */
async function untar(tar: Readable): Promise<Record<string, [string, string]>> {
  const out: Record<string, [string, string]> = {};
  const reader = extract();
  const done = new Promise<void>((resolve, reject) => {
    reader.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: unknown) => chunks.push(c as Buffer));
      stream.on('end', () => {
        out[header.name] = [header.type ?? 'file', Buffer.concat(chunks).toString()];
        next();
      });
    });
    reader.on('finish', () => resolve());
    reader.on('error', reject);
  });
  for await (const chunk of tar) reader.write(chunk as Buffer);
  reader.end(null);
  await done;
  return out;
}

describe('packContext (a deploy: Dockerfile and ignore rules in memory)', () => {
  it('packs the folder filtered by the supplied rules, with the Dockerfile under its own name, and writes nothing into the folder', async () => {
    const dir = await folder({ 'server.js': 'ok', 'node_modules/x/index.js': '', '.git/HEAD': 'ref', '.env': 'SECRET=1', '.env.example': 'SECRET=', 'src/deep/a.js': 'a', Dockerfile: 'FROM old' }, ['empty']);
    await symlink('server.js', join(dir, 'link.js'));
    const before = (await readdir(dir)).sort();
    const { tar, dockerfile } = await packContext(dir, 'Dockerfile.porthole', { dockerfileText: 'FROM scratch\n', ignoreText: '.git\n.env\n.env.*\n!.env.example\nDockerfile*\nnode_modules\n' });
    expect(dockerfile).toBe(INLINE_DOCKERFILE);
    const entries = await untar(tar);
    expect(Object.keys(entries).sort()).toEqual(['.dockerignore', '.env.example', INLINE_DOCKERFILE, 'empty', 'link.js', 'server.js', 'src/deep/a.js']);
    expect(entries[INLINE_DOCKERFILE]).toEqual(['file', 'FROM scratch\n']);
    expect(entries['server.js']).toEqual(['file', 'ok']);
    expect(entries['link.js'][0]).toBe('symlink');
    expect(entries.empty[0]).toBe('directory');
    // The engine reads these rules, then hides the Dockerfile and .dockerignore from COPY.
    expect(entries['.dockerignore'][1]).toMatch(new RegExp(`^node_modules\\n\\.dockerignore\\n${INLINE_DOCKERFILE.replace(/\./g, '\\.')}\\n$`, 'm'));
    expect((await readdir(dir)).sort()).toEqual(before);
  });

  it("with only ignore rules supplied, sends the folder's own Dockerfile even when the rules exclude it", async () => {
    const dir = await folder({ Dockerfile: 'FROM own', 'app.js': '', 'debug.log': '' });
    const { tar, dockerfile } = await packContext(dir, 'Dockerfile', { ignoreText: 'Dockerfile*\n*.log\n' });
    expect(dockerfile).toBe('Dockerfile');
    expect(Object.keys(await untar(tar)).sort()).toEqual(['.dockerignore', 'Dockerfile', 'app.js']);
  });
});
