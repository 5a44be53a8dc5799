import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectPlan } from '../../main/deploy/detect';
import { deployRunParams, type DeployPlan, type DeployResult } from '../../shared/api/deploy';
import { docker } from '../support/engine';
import { uniqueName } from '../support/run-id';
import { LOCAL_REGISTRY, pushNodeBaseImage } from '../support/base-images';
import { askForHostNode, copyDeployFixture } from '../support/deploy-apps';
import { useDeployService } from '../support/deploy-service';
import { findFreePort } from '../../main/lib/ports';

/**
 * The Node fixtures of issue #19's traps, deployed for real (offline: the Node base image is this host's node,
 * served by the local registry as the mirror's node:<major>-slim) and checked to answer.
 */
const exec = promisify(execFile);
const ROOT = join(__dirname, '../..');
beforeAll(async () => {
  await pushNodeBaseImage();
}, 180_000);
const { service, apps, folders } = useDeployService('porthole-traps-it-');

async function copyFixture(name: string): Promise<string> {
  const dir = await copyDeployFixture(name, 'porthole-traps-it-');
  folders.push(dir);
  await askForHostNode(dir);
  return dir;
}

async function deploy(folder: string, env: Record<string, string> = {}): Promise<{ plan: DeployPlan; result: DeployResult }> {
  const name = uniqueName('trap');
  apps.push(name);
  const plan = await detectPlan(folder, { registryMirror: LOCAL_REGISTRY, overrides: { name } });
  // A host port of its own, away from the apps' usual 3000/8080 that parallel tests also publish.
  const hostPort = (await findFreePort(20_000 + Math.floor(Math.random() * 20_000))) ?? undefined;
  const params = deployRunParams.parse({ folder, name, port: plan.port, hostPort, dockerfile: plan.dockerfile, dockerignore: plan.dockerignore, env, waitTimeoutMs: 30_000 });
  return { plan, result: await service.run(params, () => {}, new AbortController().signal) };
}

const fetchText = async (url: string, init?: RequestInit) => (await fetch(url, init)).text();

// Each deploy builds an image; on a loaded 2-core machine one can take a minute.
describe('deploying the traps of real-world sample apps (real engine, offline)', { timeout: 180_000 }, () => {
  it('no start script and a missing main: runs the file the dev script names, and it answers', async () => {
    const { plan, result } = await deploy(await copyFixture('node-no-start-script'));
    expect(plan.startArgs).toEqual(['node', 'src/server.js']);
    expect(await fetchText(result.url)).toBe('todo api');
  });

  it('an app that binds localhost unless RENDER is set: the plan sets RENDER, and it answers through the published port', async () => {
    const { plan, result } = await deploy(await copyFixture('node-localhost-bind'));
    expect(plan.dockerfile).toMatch(/RENDER=true/);
    expect(await fetchText(result.url)).toBe('hello from render-hello');
  });

  it('a required variable: given at deploy time it reaches the container (not the image), and the app answers', async () => {
    const folder = await copyFixture('node-required-env');
    const { plan, result } = await deploy(folder, { API_TOKEN: 'abc123' });
    expect(plan.requiredEnv.map((r) => r.name)).toEqual(['API_TOKEN']);
    expect(await fetchText(result.url)).toBe('token of 6 characters, greeting none');
    expect((await docker.getImage(result.image).inspect()).Config.Env.join(' ')).not.toContain('API_TOKEN');
  });

  it('a Procfile that runs nodemon (a devDependency): the plan runs node instead, and it answers', async () => {
    const { plan, result } = await deploy(await copyFixture('node-procfile-nodemon'));
    expect(plan.start).toBe('node server.js');
    expect(await fetchText(result.url)).toBe('procfile hello');
  });

  it('a data file under /var/lib: the non-root app writes it on a volume, and the data survives a redeploy', async () => {
    const folder = await copyFixture('node-data-path');
    const first = await deploy(folder);
    expect(await fetchText(first.result.url, { method: 'POST', body: 'first note' })).toBe('saved');
    expect(await fetchText(first.result.url)).toBe('first note\n');
    const name = apps.at(-1)!;
    const plan = await detectPlan(folder, { registryMirror: LOCAL_REGISTRY, overrides: { name } });
    const params = deployRunParams.parse({ folder, name, port: plan.port, hostPort: first.result.hostPort, dockerfile: plan.dockerfile, dockerignore: plan.dockerignore, waitTimeoutMs: 30_000 });
    const second = await service.run(params, () => {}, new AbortController().signal);
    expect(second.replaced).not.toBeNull();
    expect(await fetchText(second.url)).toBe('first note\n');
  });
});

describe('a deploy without a required variable is refused before anything is built', () => {
  it('deploy:run from any client: VALIDATION naming the variable, no image, no container', async () => {
    const folder = await copyFixture('node-required-env');
    await expect(deploy(folder, { API_TOKEN: ' ' })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('API_TOKEN (server.js:3') });
    const filters = { label: [`porthole.app=${apps.at(-1)!}`] };
    expect(await docker.listImages({ filters })).toEqual([]);
    expect(await docker.listContainers({ all: true, filters })).toEqual([]);
  });
});

describe('porthole deploy refuses a required variable it has no value for', () => {
  it('exits 1 naming the variable, its file and line, and --env', async () => {
    const folder = await copyFixture('node-required-env');
    const run = await exec(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'main/cli/index.ts'), 'deploy', folder, '--registry-mirror', LOCAL_REGISTRY, '--json'], { cwd: ROOT }).then(
      () => ({ code: 0, stdout: '' }),
      (e: { code: number; stdout: string }) => e,
    );
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as { error: string }).error).toMatch(/API_TOKEN \(server\.js:3: if \(!process\.env\.API_TOKEN\) \{\); give it with --env API_TOKEN=…/);
  }, 120_000);
});
