import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pushNodeBaseImage, LOCAL_REGISTRY } from '../../test/support/base-images';
import { BENCH_ID, BENCH_LABEL, docker } from '../lib/engine';
import { WsClient, type Served } from '../lib/serve';
import { ratioFigure, type Figure } from '../lib/figure';
import { freePort } from '../lib/free-port';

const exec = promisify(execFile);
const ROUNDS = 3;

function makeApp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'porthole-bench-app-'));
  const major = process.versions.node.split('.')[0];
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-app', version: '1.0.0', engines: { node: `${major}.x` }, scripts: { start: 'node server.js' } }));
  writeFileSync(join(dir, 'server.js'), "require('http').createServer((q, s) => s.end('bench app ' + process.env.PORT)).listen(process.env.PORT || 3000);\n");
  return dir;
}

async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not answering yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${url} did not answer`);
}

/** B10: one-click deploy of a Node app through the running browser host (plan + run until it answers) ÷ the same `docker build` + `docker run` + wait-for-port done with the CLI. */
export async function deployRatio(served: Served): Promise<Figure[]> {
  const base = await pushNodeBaseImage({ keepLocal: true });
  const baseId = (await docker.getImage(base).inspect()).Id;
  const client = await WsClient.connect(served);
  const porthole: number[] = [];
  const cli: number[] = [];
  const made: { containers: string[]; images: string[] } = { containers: [], images: [] };
  try {
    for (let i = 0; i < ROUNDS; i++) {
      // A fresh app folder each round with a unique file, so both sides rebuild the app layers (the base is cached for both).
      const appA = makeApp();
      const appB = makeApp();
      writeFileSync(join(appA, 'round.txt'), `${BENCH_ID}-a-${i}`);
      writeFileSync(join(appB, 'round.txt'), `${BENCH_ID}-b-${i}`);
      const name = `b10-${BENCH_ID}-${i}`;

      // What the Deploy view does on a click: read the folder (deploy:plan), then deploy:run until the app answers.
      const t0 = performance.now();
      const planned = (await client.invoke('deploy:plan', { folder: appA, registryMirror: LOCAL_REGISTRY, overrides: { name } })) as {
        ok: boolean;
        data: { name: string; port: number; dockerfile: string; dockerignore: string | null };
        error?: unknown;
      };
      if (!planned.ok) throw new Error(`deploy:plan failed: ${JSON.stringify(planned.error)}`);
      const plan = planned.data;
      let result: { container: string; image: string } | null = null;
      await client.stream('deploy:run', { folder: appA, name: plan.name, port: plan.port, dockerfile: plan.dockerfile, dockerignore: plan.dockerignore }, (data) => {
        const e = data as { kind: string; result?: { container: string; image: string } };
        if (e.kind === 'done' && e.result) result = e.result;
      });
      porthole.push(performance.now() - t0);
      if (!result) throw new Error('deploy:run ended without a result');
      made.containers.push((result as { container: string }).container);
      made.images.push((result as { image: string }).image);

      // The same Dockerfile Porthole generated, built and run by hand.
      writeFileSync(join(appB, 'Dockerfile'), plan.dockerfile);
      const port = await freePort();
      const tag = `porthole-bench-cli-${BENCH_ID}:${i}`;
      const t1 = performance.now();
      await exec('docker', ['build', '-q', '--label', `${BENCH_LABEL}=${BENCH_ID}`, '-t', tag, appB]);
      const appPort = /EXPOSE (\d+)/.exec(readFileSync(join(appB, 'Dockerfile'), 'utf8'))?.[1] ?? '3000';
      const { stdout: id } = await exec('docker', ['run', '-d', '--label', `${BENCH_LABEL}=${BENCH_ID}`, '-e', `PORT=${appPort}`, '-p', `127.0.0.1:${port}:${appPort}`, tag]);
      await waitForHttp(`http://127.0.0.1:${port}/`);
      cli.push(performance.now() - t1);
      made.containers.push(id.trim());
      made.images.push(tag);
    }
  } finally {
    for (const c of made.containers) await docker.getContainer(c).remove({ force: true }).catch(() => {});
    for (const i of made.images) await docker.getImage(i).remove({ force: true }).catch(() => {});
    await docker.getImage(baseId).remove({ force: true }).catch(() => {});
    client.close();
  }
  return [
    ratioFigure({
      id: 'B10',
      name: `one-click deploy of a Node app (${ROUNDS} rounds)`,
      porthole,
      cli,
      baselineName: 'docker build + docker run + wait for the port (CLI)',
    }),
  ];
}
