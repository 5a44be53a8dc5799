/**
 * Compose deploy through the router on the real engine: a folder holding a compose file is planned as
 * `compose up` with its services, deployed through the user's docker-compose, and answers on the entry port.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PortholeCore } from '../../main/core';
import { findFreePort } from '../../main/lib/ports';
import type { ComposeDeployPlan } from '../../shared/api/deploy-compose';
import { invokeOk } from '../support/api';
import { collectStream, openStream, until } from '../support/api-stream';
import { removeProject, twoServiceCompose, uniqueProject, writeComposeFolder } from '../support/compose';
import { startCore } from '../support/core';
import { busyboxImage, docker } from '../support/engine';
import { RUN_ID, TEST_LABEL } from '../support/run-id';

let core: PortholeCore;
const dataDir = mkdtempSync(join(tmpdir(), 'porthole-compose-deploy-data-'));
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  process.env.PORTHOLE_DATA_DIR = dataDir;
  core = await startCore();
});
afterAll(async () => {
  for (const c of cleanups) await c();
  await core?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** One service publishing `port` whose process never listens: the answer check can only time out or be cancelled. */
const silentCompose = (port: number) => `services:
  web:
    image: ${busyboxImage()}
    command: ["/bin/busybox", "sh", "-c", "echo never listening; exec /bin/busybox sleep 3600"]
    ports:
      - "127.0.0.1:${port}:8080"
    init: true
    stop_grace_period: 1s
    labels:
      ${TEST_LABEL}: "${RUN_ID}"
networks:
  default:
    labels:
      ${TEST_LABEL}: "${RUN_ID}"
`;

/** A compose folder for `project`: its project is brought down (with volumes), then the folder removed, even on failure. */
async function composeFolder(port: number, project: string, text = twoServiceCompose(port)): Promise<string> {
  const dir = await writeComposeFolder({ 'compose.yaml': text });
  cleanups.push(async () => {
    await removeProject(dir, project);
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

async function composePlan(dir: string): Promise<ComposeDeployPlan> {
  const plan = await invokeOk(core, 'deploy:plan', { folder: dir });
  if (plan.kind !== 'compose') throw new Error(`expected a compose plan, got ${JSON.stringify(plan).slice(0, 200)}`);
  return plan;
}

describe('compose deploy', () => {
  it('plans compose up with the services, deploys, and the entry service answers', async () => {
    const port = (await findFreePort(21_000 + Math.floor(Math.random() * 8_000)))!;
    const project = uniqueProject('dc');
    const dir = await composeFolder(port, project);

    const plan = await composePlan(dir);
    expect(plan.notes[0]).toMatch(/^Deploys with compose up: compose\.yaml, 2 service\(s\)/);
    expect(plan.services.map((s) => s.name)).toEqual(['web', 'worker']);
    expect(plan).toMatchObject({ entryService: 'web', entryPort: port });
    expect(plan.services[0].envNames).toEqual(['GREETING']);
    expect(JSON.stringify(plan)).not.toContain('secret-value');
    expect(plan.services[1].dependsOn).toEqual(['web']);

    const run = await collectStream(core, 'deploy:run', { kind: 'compose', folder: dir, project, entryService: 'web', waitTimeoutMs: 60_000 });
    expect(run.error).toBeNull();
    const done = run.events.find((e) => e.kind === 'compose-done');
    expect(done).toEqual({ kind: 'compose-done', result: { project, folder: dir, services: ['web', 'worker'], entryService: 'web', url: `http://127.0.0.1:${port}`, container: expect.stringContaining(project) as string } });
    const stages = run.events.flatMap((e) => (e.kind === 'stage' && e.state !== 'running' ? [`${e.stage}:${e.state}`] : []));
    expect(stages).toEqual(['plan:done', 'dockerfile:skipped', 'pull:skipped', 'build:skipped', 'run:done', 'wait:done', 'open:skipped']);
    expect(run.events.some((e) => e.kind === 'log' && e.text.startsWith('$ docker-compose') && e.text.includes(` -p ${project} `))).toBe(true);
    expect(await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text())).toContain('hello-from-web');
    const running = await docker.listContainers({ filters: { label: [`com.docker.compose.project=${project}`] } });
    expect(running.map((c) => c.Labels['com.docker.compose.service']).sort()).toEqual(['web', 'worker']);

    const [latest] = await invokeOk(core, 'deploy:history', { name: project });
    expect(latest).toMatchObject({ kind: 'compose', app: project, result: 'succeeded', url: `http://127.0.0.1:${port}` });
  }, 120_000);

  it('a taken host port is caught before anything starts; an unknown entry service is refused', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '0.0.0.0', () => resolve((blocker.address() as { port: number }).port)));
    try {
      const project = uniqueProject('dc');
      const dir = await composeFolder(port, project);
      const plan = await composePlan(dir);
      expect(plan.services[0].ports[0]).toMatchObject({ hostPort: port, taken: true });
      expect(plan.notes.join(' ')).toContain(`Host port ${port} (web) is already in use`);

      const run = await collectStream(core, 'deploy:run', { kind: 'compose', folder: dir, project, entryService: 'web' });
      expect(run.error).toMatchObject({ code: 'PORT_IN_USE', detail: { stage: 'run', composeStarted: false } });
      expect(run.events.some((e) => e.kind === 'log')).toBe(false);
      expect(await docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${project}`] } })).toEqual([]);

      const unknown = await collectStream(core, 'deploy:run', { kind: 'compose', folder: dir, project, entryService: 'nope' });
      expect(unknown.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('pick one of: web, worker') as string });
      const [latest] = await invokeOk(core, 'deploy:history', { name: project });
      expect(latest).toMatchObject({ kind: 'compose', result: 'failed' });
    } finally {
      blocker.close();
    }
  });

  it('an entry point that never answers ends at the deadline with its last output; Cancel ends the wait', async () => {
    const port = (await findFreePort(21_000 + Math.floor(Math.random() * 8_000)))!;
    const project = uniqueProject('dc');
    const dir = await composeFolder(port, project, silentCompose(port));
    const run = await collectStream(core, 'deploy:run', { kind: 'compose', folder: dir, project, entryService: 'web', waitTimeoutMs: 2_000 });
    expect(run.error).toMatchObject({ code: 'TIMEOUT', detail: { stage: 'wait', composeStarted: true } });
    expect(run.error?.message).toContain(`Port ${port} of service "web" did not answer within 2 s`);
    expect((run.error?.detail as { logTail: string[] }).logTail).toContain('never listening');

    const again = openStream(core, 'deploy:run', { kind: 'compose', folder: dir, project, entryService: 'web', waitTimeoutMs: 120_000 });
    await until(() => again.data.some((e) => e.kind === 'stage' && e.stage === 'wait' && e.state === 'running'), 60_000, 'the wait stage');
    again.close();
    await vi.waitFor(async () => expect((await invokeOk(core, 'deploy:history', { name: project }))[0]).toMatchObject({ result: 'cancelled' }), { timeout: 10_000, interval: 100 });
  }, 120_000);

  it('the CLI plans a compose folder the same way (--dry-run --json)', async () => {
    const dir = await composeFolder(18_999, uniqueProject('dc'));
    const root = join(__dirname, '../..');
    const { stdout } = await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), [join(root, 'main/cli/index.ts'), 'deploy', dir, '--dry-run', '--json'], { cwd: root, env: { ...process.env, PORTHOLE_DATA_DIR: dataDir } });
    const plan = JSON.parse(stdout) as ComposeDeployPlan;
    expect(plan).toMatchObject({ kind: 'compose', folder: dir, entryService: 'web', entryPort: 18_999 });
    expect(plan.services.map((s) => s.name)).toEqual(['web', 'worker']);
    expect(stdout).not.toContain('secret-value');
  }, 60_000);

  it('rejects compose deploy params that are not valid', async () => {
    const bad = await collectStream(core, 'deploy:run', { kind: 'compose', folder: 'relative/path', project: 'Bad Name' } as never);
    expect(bad.error?.code).toBe('VALIDATION');
    expect(bad.error?.message).toMatch(/folder: must be an absolute path/);
  });
});
