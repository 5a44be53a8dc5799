import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const ROOT = join(__dirname, '../..');
const FIXTURES = join(__dirname, '../fixtures/deploy');

/** Runs the CLI from source, exactly as `npm run porthole -- deploy …` would with the built one. */
async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await exec(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'main/cli/index.ts'), ...args], { cwd: ROOT });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('porthole deploy --dry-run --json', () => {
  it('prints exactly one JSON object, the plan, with the documented keys', async () => {
    const { stdout, code } = await cli('deploy', join(FIXTURES, 'node-start-script'), '--dry-run', '--json', '--registry-mirror', '127.0.0.1:5000', '--port', '3100', '--name', 'my-app');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const plan = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(plan).sort()).toEqual(['build', 'dockerfile', 'env', 'findings', 'install', 'name', 'packageManager', 'port', 'requiredEnv', 'runtime', 'snippets', 'sources', 'start', 'version', 'workdir'].sort());
    expect(plan).toMatchObject({ runtime: 'node', version: '20', install: null, build: null, start: 'node server.js', workdir: '/app', port: 3100, name: 'my-app', env: ['DATABASE_URL', 'GREETING'] });
    expect(plan.sources).toMatchObject({ version: 'package.json:engines.node', start: 'package.json:scripts.start', port: 'user', name: 'user', install: 'default' });
    expect(plan.dockerfile).toContain('FROM 127.0.0.1:5000/library/node:20-slim');
    expect(plan.dockerfile).toContain('EXPOSE 3100');
  }, 30_000);

  it('refuses a folder with no app with exit code 1 and a message, still as one JSON object', async () => {
    const { stdout, code } = await cli('deploy', join(FIXTURES, 'no-app'), '--dry-run', '--json');
    expect(code).toBe(1);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect((JSON.parse(stdout) as { error: string }).error).toMatch(/did not find an app/);
  }, 30_000);

  it('rejects a bad --port with usage exit code 2', async () => {
    const { code, stderr } = await cli('deploy', join(FIXTURES, 'static-site'), '--dry-run', '--port', 'abc');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--port must be a number/);
  }, 30_000);
});
