import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';

export const BENCH_LABEL = 'porthole.bench';
export const BENCH_ID = `b${Date.now().toString(36)}`;
export const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
export const benchImage = `porthole-bench-busybox:${BENCH_ID}`;

export function buildBenchImage(): void {
  const dir = mkdtempSync(join(tmpdir(), 'porthole-bench-'));
  copyFileSync('/bin/busybox', join(dir, 'busybox'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY busybox /bin/busybox\nCMD ["/bin/busybox","sleep","3600"]\n');
  execFileSync('docker', ['build', '-q', '--label', `${BENCH_LABEL}=${BENCH_ID}`, '-t', benchImage, dir], { stdio: 'ignore' });
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let i = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (i < items.length) await fn(items[i++]);
    }),
  );
}

let created = 0;

/** Creates `count` stopped containers (no start: the list cost does not depend on state). */
export async function createContainers(count: number, prefix: string, start = false): Promise<string[]> {
  const ids: string[] = [];
  await pool(
    Array.from({ length: count }, () => ++created),
    8,
    async (n) => {
      const c = await docker.createContainer({ Image: benchImage, name: `${prefix}-${BENCH_ID}-${n}`, Labels: { [BENCH_LABEL]: BENCH_ID } });
      if (start) await c.start();
      ids.push(c.id);
    },
  );
  return ids;
}

export async function removeContainers(ids: string[]): Promise<void> {
  await pool(ids, 8, (id) => docker.getContainer(id).remove({ force: true }).catch(() => {}));
}

/** Removes everything this bench run labelled. */
export async function cleanupBench(): Promise<void> {
  const filters = { label: [`${BENCH_LABEL}=${BENCH_ID}`] };
  const containers = await docker.listContainers({ all: true, filters });
  await removeContainers(containers.map((c) => c.Id));
  const images = await docker.listImages({ filters });
  for (const i of images) await docker.getImage(i.Id).remove({ force: true }).catch(() => {});
}

/** The raw Engine API call the list is measured against: GET /containers/json?all=1 on the same socket. */
export function rawList(): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: '/var/run/docker.sock', path: '/containers/json?all=1', method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve((JSON.parse(Buffer.concat(chunks).toString()) as unknown[]).length));
    });
    req.on('error', reject);
    req.end();
  });
}

export async function engineContainerCount(): Promise<number> {
  return rawList();
}
