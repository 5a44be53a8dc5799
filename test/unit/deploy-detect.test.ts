import { chmod, mkdtemp, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectPlan } from '../../main/deploy/detect';
import { planJson } from '../../main/cli/deploy';
import type { PortholeError } from '../../shared/errors';

const FIXTURES = join(__dirname, '../fixtures/deploy');
const GOLDEN = join(__dirname, '../fixtures/deploy-golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** Compares with the stored golden file; `UPDATE_GOLDEN=1` rewrites it (then review the diff). */
async function matchGolden(file: string, actual: string): Promise<void> {
  const path = join(GOLDEN, file);
  if (UPDATE || !existsSync(path)) {
    if (!UPDATE) throw new Error(`No golden file ${path}; run with UPDATE_GOLDEN=1 and review it.`);
    await mkdir(GOLDEN, { recursive: true });
    await writeFile(path, actual);
    return;
  }
  expect(actual).toBe(await readFile(path, 'utf8'));
}

const CASES = ['node-start-script', 'node-main-field', 'node-server-js', 'node-index-js-yarn', 'node-app-js-pnpm', 'node-typescript', 'python-django', 'python-fastapi-poetry', 'python-flask', 'python-procfile-pipenv', 'python-main-py', 'python-uvicorn-port', 'ruby-rack', 'ruby-rails', 'go-mod', 'static-site', 'dockerfile-compose',
  // One fixture per trap of issue #19 (versions, entry, frameworks, bind address, required env, native deps, commands, data paths).
  'node-version-pin', 'node-no-start-script', 'node-nextjs-standalone', 'node-localhost-bind', 'node-required-env', 'node-native-deps', 'node-procfile-nodemon', 'node-data-path',
  'python-django-prod', 'python-flask-localhost', 'ruby-rack3-rackup', 'ruby-rails-pg', 'go-toolchain-required-env'];
const REFUSED = ['no-app', 'php-laravel'];

describe('deploy plan: golden plans and Dockerfiles per fixture app', () => {
  it('covers every fixture folder except the refused one', async () => {
    const folders = (await readdir(FIXTURES)).filter((f) => !REFUSED.includes(f)).sort();
    expect(folders).toEqual([...CASES].sort());
  });

  for (const name of CASES) {
    it(name, async () => {
      const plan = await detectPlan(join(FIXTURES, name));
      const { dockerfile, ...facts } = planJson(plan);
      await matchGolden(`${name}.plan.json`, `${JSON.stringify({ ...facts, portConfidence: plan.portConfidence, notes: plan.notes }, null, 2)}\n`);
      await matchGolden(`${name}.Dockerfile`, dockerfile as string);
      for (const fact of Object.values(plan.sources)) expect(fact).toMatch(/\S/);
    });
  }

  it('generates a Dockerfile with the mirror prefix in FROM', async () => {
    const plan = await detectPlan(join(FIXTURES, 'node-start-script'), { registryMirror: '127.0.0.1:5000' });
    expect(plan.dockerfile).toContain('FROM 127.0.0.1:5000/library/node:20-slim\n');
    expect(plan.baseImage).toBe('127.0.0.1:5000/library/node:20-slim');
  });

  it('applies the user\'s overrides and says they came from the user', async () => {
    const plan = await detectPlan(join(FIXTURES, 'node-start-script'), { overrides: { port: 8088, start: 'node server.js --verbose', name: 'renamed' } });
    expect(plan.port).toBe(8088);
    expect(plan.name).toBe('renamed');
    expect(plan.dockerfile).toContain('EXPOSE 8088');
    expect(plan.dockerfile).toContain('CMD ["node", "server.js", "--verbose"]');
    expect(plan.sources).toMatchObject({ port: 'user', start: 'user', name: 'user' });
  });

  it('uses a folder\'s own Dockerfile as it is and reports the compose file', async () => {
    const plan = await detectPlan(join(FIXTURES, 'dockerfile-compose'));
    expect(plan.usesOwnDockerfile).toBe(true);
    expect(plan.dockerfile).toBe(await readFile(join(FIXTURES, 'dockerfile-compose/Dockerfile'), 'utf8'));
    expect(plan.notes.join(' ')).toMatch(/compose\.yaml/);
  });

  it('offers a .dockerignore only when the folder has none', async () => {
    const plan = await detectPlan(join(FIXTURES, 'node-start-script'));
    expect(plan.dockerignore).toMatch(/^\.env$/m);
    expect(plan.dockerignore).toMatch(/^node_modules$/m);
    expect(plan.dockerignore).toMatch(/^\.git$/m);
  });
});

describe('deploy plan: folders that are refused with a clear message', () => {
  const temps: string[] = [];
  const temp = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'porthole-deploy-unit-'));
    temps.push(dir);
    return dir;
  };
  afterAll(async () => {
    for (const dir of temps) {
      await chmod(dir, 0o700).catch(() => {});
      await rm(dir, { recursive: true, force: true });
    }
  });
  const refusal = async (folder: string) => {
    const error = (await detectPlan(folder).then(() => null, (e: unknown) => e)) as PortholeError | null;
    expect(error, 'the folder should have been refused').not.toBeNull();
    return error!;
  };

  it('an empty folder', async () => {
    const error = await refusal(await temp());
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/is empty/);
  });

  it('a folder with no app Porthole recognises', async () => {
    const error = await refusal(join(FIXTURES, 'no-app'));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/did not find an app.*package\.json.*go\.mod/);
  });

  it('a PHP (Laravel) app, with what to do instead', async () => {
    const error = await refusal(join(FIXTURES, 'php-laravel'));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/PHP app \(Laravel\).*artisan.*does not write Dockerfiles for PHP.*Add a Dockerfile/);
  });

  it('a path that is a file', async () => {
    const error = await refusal(join(FIXTURES, 'static-site/index.html'));
    expect(error.message).toMatch(/is a file, not a folder/);
  });

  it('a path that does not exist', async () => {
    const error = await refusal(join(await temp(), 'missing'));
    expect(error.message).toMatch(/does not exist/);
  });

  it('a symlink loop', async () => {
    const dir = await temp();
    await symlink(join(dir, 'b'), join(dir, 'a'));
    await symlink(join(dir, 'a'), join(dir, 'b'));
    const error = await refusal(join(dir, 'a'));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/link loop/);
  });

  // As root (the CI container), chmod 000 does not stop reads, so the refusal can only be checked as a normal user;
  // as root we check the folder is still read correctly.
  it('an unreadable folder (chmod 000)', async () => {
    const dir = await temp();
    await writeFile(join(dir, 'index.html'), '<h1>hi</h1>');
    await chmod(dir, 0o000);
    if (process.getuid?.() === 0) {
      const plan = await detectPlan(dir);
      expect(plan.runtime).toBe('static');
      return;
    }
    const error = await refusal(dir);
    expect(error.code).toBe('PERMISSION_DENIED');
    expect(error.message).toMatch(/may not read/);
  });
});
