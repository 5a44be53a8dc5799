import { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import { PortholeError } from '../../shared/errors';
import { ENGINE_DEADLINE_MS, engineCall } from './deadline';

/**
 * The typed, abortable engine calls the services use. dockerode 4 accepts an `abortSignal` (and a few
 * options) its type definitions leave out, and answers streams typed as `NodeJS.ReadableStream`:
 * those gaps are bridged here, once, and checked at run time instead of cast at every call site.
 */

/** Calls a dockerode method with options its types do not declare (each checked in dockerode/lib). */
function callWith<R>(target: object, method: string, ...args: unknown[]): Promise<R> {
  const fn: unknown = Reflect.get(target, method);
  if (typeof fn !== 'function') throw new PortholeError('INTERNAL', `dockerode has no ${method}().`);
  return Reflect.apply(fn, target, args) as Promise<R>;
}

/** dockerode answers streaming endpoints with the HTTP response, a Readable. */
export function asReadable(stream: unknown): Readable {
  if (stream instanceof Readable) return stream;
  throw new PortholeError('INTERNAL', 'The engine answered with something other than a stream.');
}

function asBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (typeof value === 'string') return Buffer.from(value);
  throw new PortholeError('INTERNAL', 'The engine answered with something other than bytes.');
}

/** `/_ping` with another deadline than the usual (an ssh engine's first request pays its handshake). */
export const pingWithin = (docker: Dockerode, ms: number): Promise<unknown> => engineCall('the ping', ms, (abortSignal) => callWith(docker, 'ping', { abortSignal }));

export const ping = (docker: Dockerode): Promise<unknown> => pingWithin(docker, ENGINE_DEADLINE_MS.ping);

export const version = (docker: Dockerode): Promise<Dockerode.DockerVersion> =>
  engineCall('the version request', ENGINE_DEADLINE_MS.version, (abortSignal) => callWith(docker, 'version', { abortSignal }));

/** `/events` as a stream: no deadline on the stream itself, only on the engine starting to answer. */
export const events = (docker: Dockerode, signal: AbortSignal): Promise<Readable> =>
  engineCall('the events request', ENGINE_DEADLINE_MS.read, async () => asReadable(await docker.getEvents({ abortSignal: signal })), signal);

export const listContainers = (docker: Dockerode, options: Dockerode.ContainerListOptions, signal?: AbortSignal): Promise<Dockerode.ContainerInfo[]> =>
  engineCall('the container list', ENGINE_DEADLINE_MS.read, (abortSignal) => docker.listContainers({ ...options, abortSignal }), signal);

export const inspectContainer = (container: Dockerode.Container, signal?: AbortSignal): Promise<Dockerode.ContainerInspectInfo> =>
  engineCall('the container inspect', ENGINE_DEADLINE_MS.read, (abortSignal) => container.inspect({ abortSignal }), signal);

/** Inspect with `SizeRw` (the engine measures the writable layer: slower, so asked for only when shown). */
export const inspectContainerSize = (container: Dockerode.Container): Promise<Dockerode.ContainerInspectInfo & { SizeRw?: number }> =>
  engineCall('the container inspect', ENGINE_DEADLINE_MS.read, (abortSignal) => callWith(container, 'inspect', { size: true, abortSignal }));

export type ContainerVerb = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill';

export function actOnContainer(container: Dockerode.Container, verb: ContainerVerb, options: { t?: number } = {}): Promise<unknown> {
  return engineCall(`the container ${verb}`, ENGINE_DEADLINE_MS.action, (abortSignal) => callWith(container, verb, { ...options, abortSignal }));
}

export const removeContainer = (container: Dockerode.Container, options: { force?: boolean; v?: boolean }): Promise<unknown> =>
  engineCall('the container removal', ENGINE_DEADLINE_MS.action, (abortSignal) => container.remove({ ...options, abortSignal }));

export const renameContainer = (container: Dockerode.Container, name: string): Promise<unknown> =>
  engineCall('the container rename', ENGINE_DEADLINE_MS.action, (abortSignal) => container.rename({ name, abortSignal }));

export const updateRestartPolicy = (container: Dockerode.Container, policy: 'no' | 'always' | 'unless-stopped' | 'on-failure'): Promise<unknown> =>
  engineCall('the restart-policy update', ENGINE_DEADLINE_MS.action, (abortSignal) => callWith(container, 'update', { RestartPolicy: { Name: policy }, abortSignal }));

export const createContainer = (docker: Dockerode, options: Dockerode.ContainerCreateOptions): Promise<Dockerode.Container> =>
  engineCall('the container create', ENGINE_DEADLINE_MS.action, (abortSignal) => docker.createContainer({ ...options, abortSignal }));

/** Resolves with the exit code when the container next exits; only `signal` ends the wait. */
export async function waitForExit(container: Dockerode.Container, signal: AbortSignal): Promise<number> {
  const result = await callWith<{ StatusCode: number }>(container, 'wait', { condition: 'next-exit', abortSignal: signal });
  return result.StatusCode;
}

export interface LogOptions {
  stdout?: boolean;
  stderr?: boolean;
  timestamps?: boolean;
  tail?: number;
}

/** The logs so far, as the engine's bytes (multiplexed unless the container has a TTY). */
export const logsOnce = async (container: Dockerode.Container, options: LogOptions, signal?: AbortSignal): Promise<Buffer> =>
  asBuffer(await engineCall('the logs request', ENGINE_DEADLINE_MS.read, (abortSignal) => container.logs({ ...options, follow: false, abortSignal }), signal));

/** Followed logs: no deadline, the caller's signal ends it. */
export const logsFollow = async (container: Dockerode.Container, options: LogOptions, signal: AbortSignal): Promise<Readable> =>
  asReadable(await container.logs({ ...options, follow: true, abortSignal: signal }));

export const statsStream = async (container: Dockerode.Container, signal: AbortSignal): Promise<Readable> =>
  asReadable(await callWith(container, 'stats', { stream: true, abortSignal: signal }));

/** One stats sample; `oneShot` skips the engine's second sample where it supports that (API ≥ 1.41). */
export const statsOnce = <T>(container: Dockerode.Container, oneShot: boolean, signal?: AbortSignal): Promise<T> =>
  engineCall('the stats request', ENGINE_DEADLINE_MS.read, (abortSignal) => callWith<T>(container, 'stats', { stream: false, ...(oneShot ? { 'one-shot': true } : {}), abortSignal }), signal);

/** A tar of `path` inside the container, as a stream (the caller's signal, if any, cancels it). */
export const archiveOf = async (container: Dockerode.Container, path: string, signal?: AbortSignal): Promise<Readable> =>
  asReadable(await engineCall('the archive request', ENGINE_DEADLINE_MS.read, (abortSignal) => container.getArchive({ path, abortSignal: signal ?? abortSignal }), signal));

/** Resolves with dockerode's handle on the new volume. */
export const createVolume = (docker: Dockerode, options: Dockerode.VolumeCreateOptions): Promise<Dockerode.Volume> =>
  engineCall('the volume create', ENGINE_DEADLINE_MS.action, (abortSignal) => callWith(docker, 'createVolume', { ...options, abortSignal }));

/** Builds, pulls and pushes stream progress for as long as they take: only the caller's signal ends them. */
export const buildImage = async (docker: Dockerode, context: { context: string; src: string[] } | NodeJS.ReadableStream, options: Dockerode.ImageBuildOptions & { labels?: Record<string, string> }, signal: AbortSignal): Promise<Readable> =>
  asReadable(await docker.buildImage(context, { ...options, abortSignal: signal }));

export const pullImage = async (docker: Dockerode, reference: { fromImage: string; tag?: string }, auth: object, signal: AbortSignal): Promise<Readable> =>
  asReadable(await docker.createImage(auth, { ...reference, abortSignal: signal }));

export const pushImage = async (image: Dockerode.Image, tag: string | undefined, auth: Dockerode.AuthConfig | object, signal: AbortSignal): Promise<Readable> =>
  asReadable(await callWith(image, 'push', { tag, authconfig: auth, abortSignal: signal }));

export interface HubSearchRow {
  name: string;
  description: string;
  star_count: number;
  is_official: boolean;
}

export const searchHub = (docker: Dockerode, term: string, limit: number, timeoutMs: number): Promise<HubSearchRow[]> =>
  engineCall('the Docker Hub search', timeoutMs, (abortSignal) => callWith(docker, 'searchImages', { term, limit, abortSignal }));

export const pruneBuildCacheRecord = (docker: Dockerode, id: string): Promise<{ CachesDeleted?: string[] | null }> =>
  engineCall('the build-cache removal', ENGINE_DEADLINE_MS.action, (abortSignal) => callWith(docker, 'pruneBuilder', { filters: JSON.stringify({ id: { [id]: true } }), abortSignal }));

export const inspectImage = (docker: Dockerode, reference: string, signal?: AbortSignal): Promise<Dockerode.ImageInspectInfo> =>
  engineCall('the image inspect', ENGINE_DEADLINE_MS.read, (abortSignal) => callWith(docker.getImage(reference), 'inspect', { abortSignal }), signal);
