import { afterEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listContextEntries } from '../../main/images/build-context';

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
