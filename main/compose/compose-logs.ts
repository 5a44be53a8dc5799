import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import type { ComposeLogLine } from '../../shared/api/compose';
import { COMPOSE_LABELS } from '../../shared/compose/group-projects';
import type { EngineEvent } from '../../shared/dto';
import type { EngineConnection } from '../engine/connection';
import { LineSplitter, LogDemuxer, splitTimestamp } from '../engine/log-demux';
import { pumpUntilDone } from '../lib/stream-util';
import { LogMerger, mergeByTime } from './log-merge';

export interface ProjectLogParams {
  project: string;
  services: string[];
  tail: number;
  follow: boolean;
}

const FLUSH_MS = 50;
const MAX_BATCH = 5_000;

interface Target {
  id: string;
  name: string;
  service: string;
}

/** RFC3339Nano → the engine's `since` form "seconds.nanoseconds", exact (a JS number would round the nanoseconds). */
export function stampToSince(stamp: string): string | null {
  const m = /^(.*T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/.exec(stamp);
  if (!m) return null;
  const seconds = Date.parse(`${m[1]}${m[3]}`);
  if (Number.isNaN(seconds)) return null;
  return `${Math.floor(seconds / 1000)}.${(m[2] ?? '').padEnd(9, '0').slice(0, 9)}`;
}

interface ReadOptions {
  follow: boolean;
  tail: number | 'all';
  since?: string;
  /** Lines stamped exactly this were already shown (the engine's `since` is inclusive). */
  skipStamp?: string;
}

/** Reads one container's logs with the engine's timestamps, calling `onLine` for each line; returns the last line's stamp. */
async function readContainer(docker: Dockerode, t: Target, opts: ReadOptions, signal: AbortSignal, onLine: (l: ComposeLogLine) => void): Promise<string | undefined> {
  let lastStamp: string | undefined;
  const container = docker.getContainer(t.id);
  const info = await container.inspect({ abortSignal: signal } as object);
  const splitter = (stream: 'stdout' | 'stderr') =>
    new LineSplitter((raw) => {
      const stamp = raw.slice(0, raw.indexOf(' '));
      if (opts.skipStamp && stamp === opts.skipStamp) return;
      const { timeMs, text } = splitTimestamp(raw);
      if (timeMs !== undefined) lastStamp = stamp;
      onLine({ service: t.service, container: t.name, stream, timeMs: timeMs ?? Date.now(), text });
    });
  const out = splitter('stdout');
  const err = splitter('stderr');
  const demux = new LogDemuxer((stream, payload) => (stream === 'stderr' ? err : out).push(payload));
  const onChunk = (chunk: Buffer) => (info.Config?.Tty ? out.push(chunk) : demux.push(chunk));
  // dockerode's types say numbers; the engine takes "all" and fractional seconds as text.
  const options = { stdout: true, stderr: true, timestamps: true, tail: opts.tail as number, abortSignal: signal, ...(opts.since ? { since: opts.since as unknown as number } : {}) };
  if (opts.follow) await pumpUntilDone((await container.logs({ ...options, follow: true })) as unknown as Readable, signal, onChunk);
  else onChunk((await container.logs({ ...options, follow: false })) as unknown as Buffer);
  out.end();
  err.end();
  return lastStamp;
}

/** Every target's last `tail` lines, read to the end and merged by time; with each container's last stamp. */
async function backlog(docker: Dockerode, targets: Target[], tail: number, signal: AbortSignal): Promise<{ lines: ComposeLogLine[]; lastStamps: Map<string, string | undefined> }> {
  const lastStamps = new Map<string, string | undefined>();
  const lists = await Promise.all(
    targets.map(async (t) => {
      const lines: ComposeLogLine[] = [];
      lastStamps.set(t.id, await readContainer(docker, t, { follow: false, tail }, signal, (l) => lines.push(l)).catch(() => undefined));
      return lines;
    }),
  );
  return { lines: mergeByTime(lists), lastStamps };
}

async function projectTargets(docker: Dockerode, project: string, services: string[]): Promise<Target[]> {
  const list = await docker.listContainers({ all: true, filters: { label: [`${COMPOSE_LABELS.project}=${project}`] } });
  return list
    .map((c) => ({ id: c.Id, name: (c.Names?.[0] ?? c.Id).replace(/^\//, ''), service: c.Labels?.[COMPOSE_LABELS.service] ?? '' }))
    .filter((t) => services.length === 0 || services.includes(t.service));
}

/**
 * A whole project's logs, merged in time order from the engine's own per-container logs (not compose's
 * `logs`, whose interleaving is by arrival). While following, containers that start later join in.
 */
export async function streamProjectLogs(connection: EngineConnection, p: ProjectLogParams, emit: (lines: ComposeLogLine[]) => void, signal: AbortSignal): Promise<void> {
  const docker = connection.client();
  const targets = await projectTargets(docker, p.project, p.services);
  // The backlog is read whole and merged before following, so a slow container cannot put old lines after new ones.
  const requestedAt = `${Math.floor(Date.now() / 1000) - 1}.000000000`;
  const first = await backlog(docker, targets, p.tail, signal);
  for (let i = 0; i < first.lines.length; i += MAX_BATCH) emit(first.lines.slice(i, i + MAX_BATCH));
  if (!p.follow || signal.aborted) return;

  const merger = new LogMerger<ComposeLogLine>();
  const following = new Set<string>();
  const failures: unknown[] = [];
  const follow = (t: Target, since: string, skipStamp?: string) => {
    if (following.has(t.id) || signal.aborted) return;
    following.add(t.id);
    readContainer(docker, t, { follow: true, tail: 'all', since, skipStamp }, signal, (l) => merger.push(l))
      .catch((e: unknown) => failures.push(e))
      .finally(() => following.delete(t.id));
  };
  for (const t of targets) {
    const last = first.lastStamps.get(t.id);
    const since = last ? stampToSince(last) : null;
    if (since && last) follow(t, since, last);
    else follow(t, first.lines.length === 0 && p.tail === 0 ? `${Math.floor(Date.now() / 1000)}.000000000` : requestedAt);
  }

  const onEvent = (e: EngineEvent) => {
    if (e.type !== 'container' || e.action !== 'start' || e.attributes[COMPOSE_LABELS.project] !== p.project) return;
    const service = e.attributes[COMPOSE_LABELS.service] ?? '';
    if (p.services.length > 0 && !p.services.includes(service)) return;
    follow({ id: e.id, name: e.attributes.name ?? e.id.slice(0, 12), service }, `${Math.floor(e.timeMs / 1000)}.000000000`);
  };
  connection.on('event', onEvent);
  const timer = setInterval(() => {
    const lines = merger.drain();
    for (let i = 0; i < lines.length; i += MAX_BATCH) emit(lines.slice(i, i + MAX_BATCH));
  }, FLUSH_MS);
  try {
    await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
  } finally {
    clearInterval(timer);
    connection.off('event', onEvent);
  }
}
