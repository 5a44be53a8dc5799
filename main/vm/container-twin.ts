import type Dockerode from 'dockerode';
import { PortholeError } from '../../shared/errors';
import { memoryWithoutCache, type RawStats } from '../engine/stats-math';
import { withDeadline } from '../lib/deadline';
import { portAnswers } from '../lib/port-probe';
import { sleep } from '../lib/sleep';
import { fetchRoot } from './http-body';

const ENGINE_DEADLINE_MS = 30_000;
export const TWIN_LABEL = 'porthole.vm-measure';

export interface TwinConfig {
  image: string;
  entrypoint: string[] | null;
  cmd: string[] | null;
  env: string[];
  workdir: string;
  user: string;
  guestPort: number;
  labels: Record<string, string>;
}

export interface TwinFigures {
  answerMs: number;
  memoryBytes: number;
  idleCpuPercent: number | null;
  diskBytes: number;
  imageBytes: number;
  body: Buffer | null;
}

const oneShot = (c: Dockerode.Container, signal: AbortSignal) =>
  withDeadline(c.stats({ stream: false, 'one-shot': true, abortSignal: signal } as never) as unknown as Promise<RawStats>, ENGINE_DEADLINE_MS, 'The engine’s stats');

/**
 * Starts a fresh container of the same image and config (the workload's port published on 127.0.0.1),
 * times create → the port answering with the same probe the VM gets, reads its memory once it answers
 * and its CPU over `idleSeconds`, then removes it — also on failure or cancel. This is the container
 * side of the comparison, measured in the same run as the VM.
 */
export async function measureContainerTwin(docker: Dockerode, config: TwinConfig, idleSeconds: number, answerTimeoutMs: number, signal: AbortSignal): Promise<TwinFigures> {
  const portKey = `${config.guestPort}/tcp`;
  const started = performance.now();
  const container = await withDeadline(
    docker.createContainer({
      Image: config.image,
      Entrypoint: config.entrypoint ?? undefined,
      Cmd: config.cmd ?? undefined,
      Env: config.env,
      WorkingDir: config.workdir || undefined,
      User: config.user || undefined,
      Labels: { [TWIN_LABEL]: '1', ...config.labels },
      ExposedPorts: { [portKey]: {} },
      HostConfig: { PortBindings: { [portKey]: [{ HostIp: '127.0.0.1', HostPort: '' }] }, AutoRemove: false },
    }),
    ENGINE_DEADLINE_MS,
    'Creating the comparison container',
  );
  try {
    await withDeadline(container.start() as Promise<unknown>, ENGINE_DEADLINE_MS, 'Starting the comparison container');
    const inspected = await withDeadline(container.inspect(), ENGINE_DEADLINE_MS, 'The engine’s inspect');
    const hostPort = Number(inspected.NetworkSettings.Ports?.[portKey]?.[0]?.HostPort);
    if (!hostPort) throw new PortholeError('INTERNAL', 'The engine did not publish the comparison container’s port.');
    const deadline = started + answerTimeoutMs;
    let answerMs: number | null = null;
    while (!signal.aborted && performance.now() < deadline) {
      if (await portAnswers('127.0.0.1', hostPort, 'http', { timeoutMs: 1000 })) {
        answerMs = performance.now() - started;
        break;
      }
      await sleep(25, signal);
    }
    if (signal.aborted) throw new PortholeError('CANCELLED', 'Cancelled.');
    if (answerMs === null) throw new PortholeError('TIMEOUT', `The workload did not answer on port ${config.guestPort} as a container within ${Math.round(answerTimeoutMs / 1000)} s, so there is nothing to compare the VM with.`);
    const first = await oneShot(container, signal);
    const body = await fetchRoot(hostPort);
    await sleep(idleSeconds * 1000, signal);
    const second = await oneShot(container, signal);
    const cpuNs = second.cpu_stats.cpu_usage.total_usage - first.cpu_stats.cpu_usage.total_usage;
    const wallNs = (Date.parse(second.read) - Date.parse(first.read)) * 1e6;
    const sized = (await withDeadline((container.inspect as (o: object) => Promise<unknown>).call(container, { size: true }), ENGINE_DEADLINE_MS, 'The engine’s inspect')) as { SizeRw?: number };
    const image = await withDeadline(docker.getImage(config.image).inspect(), ENGINE_DEADLINE_MS, 'The engine’s image inspect');
    return {
      answerMs,
      memoryBytes: memoryWithoutCache(first),
      idleCpuPercent: wallNs > 0 ? Math.max(0, (cpuNs / wallNs) * 100) : null,
      imageBytes: image.Size,
      diskBytes: image.Size + (sized.SizeRw ?? 0),
      body,
    };
  } finally {
    await withDeadline(container.remove({ force: true, v: true }), ENGINE_DEADLINE_MS, 'Removing the comparison container').catch(() => {});
  }
}
