import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BENCH_ID, BENCH_LABEL, benchImage } from '../lib/engine';
import { WsClient, type Served } from '../lib/serve';
import { ratioFigure, type Figure } from '../lib/figure';
import { freePort } from '../lib/free-port';

const exec = promisify(execFile);
const ROUNDS = 5;

/** Three services of the bench's busybox image: an httpd publishing a port, a worker loop and a sleeper; all labelled. */
function makeProject(port: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'porthole-bench-compose-'));
  const labels = `    labels:\n      ${BENCH_LABEL}: "${BENCH_ID}"\n    init: true\n    stop_grace_period: 1s\n`;
  writeFileSync(
    join(dir, 'compose.yaml'),
    `services:
  web:
    image: ${benchImage}
    command: ["/bin/busybox", "httpd", "-f", "-p", "8080"]
    ports: ["127.0.0.1:${port}:8080"]
${labels}  worker:
    image: ${benchImage}
    command: ["/bin/busybox", "sh", "-c", "while true; do echo tick; /bin/busybox sleep 1; done"]
${labels}  cache:
    image: ${benchImage}
${labels}networks:
  default:
    labels:
      ${BENCH_LABEL}: "${BENCH_ID}"
`,
  );
  return dir;
}

const compose = (dir: string, project: string, ...args: string[]) => exec('docker-compose', ['--ansi', 'never', '-p', project, '-f', join(dir, 'compose.yaml'), ...args], { cwd: dir });

/** B13: `up` of a three-service project through Porthole (compose:run over the WebSocket) ÷ `docker-compose up -d` alone, alternating, same run. */
export async function composeUpRatio(served: Served): Promise<Figure[]> {
  const client = await WsClient.connect(served);
  const porthole: number[] = [];
  const cli: number[] = [];
  const made: { dir: string; project: string }[] = [];
  try {
    // One warm-up each so neither side pays the first Python start-up of docker-compose alone.
    for (let i = -1; i < ROUNDS; i++) {
      const a = { dir: makeProject(await freePort()), project: `b13-${BENCH_ID}-p${i + 1}` };
      const b = { dir: makeProject(await freePort()), project: `b13-${BENCH_ID}-c${i + 1}` };
      made.push(a, b);
      const t0 = performance.now();
      await client.stream('compose:run', { action: 'up', project: a.project, files: [join(a.dir, 'compose.yaml')], workingDir: a.dir });
      const tp = performance.now() - t0;
      const t1 = performance.now();
      await compose(b.dir, b.project, 'up', '-d');
      const tc = performance.now() - t1;
      if (i >= 0) {
        porthole.push(tp);
        cli.push(tc);
      }
      await Promise.all([compose(a.dir, a.project, 'down', '-t', '1'), compose(b.dir, b.project, 'down', '-t', '1')]);
    }
  } finally {
    for (const m of made) await compose(m.dir, m.project, 'down', '-v', '-t', '1').catch(() => {});
    client.close();
  }
  return [
    ratioFigure({
      id: 'B13',
      name: `compose up of a three-service project (${ROUNDS} rounds)`,
      porthole,
      cli,
      baselineName: 'docker-compose up -d (CLI)',
    }),
  ];
}
