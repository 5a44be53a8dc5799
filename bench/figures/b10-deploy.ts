import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pushNodeBaseImage, LOCAL_REGISTRY } from '../../test/support/base-images';
import { BENCH_ID, BENCH_LABEL, docker } from '../lib/engine';
import { median, round } from '../lib/stats';
import type { Figure } from '../lib/figure';

const exec = promisify(execFile);
const ROUNDS = 3;
const root = join(__dirname, '..', '..');

function makeApp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'porthole-bench-app-'));
  const major = process.versions.node.split('.')[0];
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-app', version: '1.0.0', engines: { node: `${major}.x` }, scripts: { start: 'node server.js' } }));
  writeFileSync(join(dir, 'server.js'), "require('http').createServer((q, s) => s.end('bench app ' + process.env.PORT)).listen(process.env.PORT || 3000);\n");
  return dir;
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
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

/** B10: `porthole deploy` of a Node app ÷ the same `docker build` + `docker run` + wait-for-port done with the CLI. */
export async function deployRatio(): Promise<Figure[]> {
  const base = await pushNodeBaseImage({ keepLocal: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'porthole-bench-data-'));
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

      const t0 = performance.now();
      const { stdout } = await exec(process.execPath, [join(root, 'out/main/cli.js'), 'deploy', appA, '--registry-mirror', LOCAL_REGISTRY, '--name', name, '--json'], {
        env: { ...process.env, PORTHOLE_DATA_DIR: dataDir },
      });
      porthole.push(performance.now() - t0);
      const result = JSON.parse(stdout.trim().split('\n').pop()!) as { url: string; container: string; image: string };
      made.containers.push(result.container);
      made.images.push(result.image);

      // The same Dockerfile Porthole generated, built and run by hand.
      writeFileSync(join(appB, 'Dockerfile'), readFileSync(join(appA, 'Dockerfile.porthole'), 'utf8'));
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
    await docker.getImage(base).remove({ force: true }).catch(() => {});
  }
  const p = median(porthole);
  const c = median(cli);
  return [
    {
      id: 'B10',
      name: `one-click deploy of a Node app (${ROUNDS} rounds)`,
      value: round(p),
      unit: 'ms',
      baseline: round(c),
      baselineName: 'docker build + docker run + wait for the port (CLI)',
      ratio: round(p / c),
      goal: '≤ 1.10×',
      met: p / c <= 1.1,
    },
  ];
}
