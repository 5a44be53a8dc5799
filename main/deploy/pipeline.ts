import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type Dockerode from 'dockerode';
import { PortholeError } from '../../shared/errors';
import type { DeployEvent, DeployFailureDetail, DeployResult, DeployStage, deployRunParams } from '../../shared/api/deploy';
import type { EngineConnection } from '../engine/connection';
import { toApiError } from '../engine/errors';
import { buildImage } from '../images/build-service';
import { ContainerService } from '../containers/container-service';
import { findFreePort, isPortFree } from '../lib/ports';
import { AppFolder } from './folder';
import { parseDotenv } from './env-scan';
import { GENERATED_DOCKERFILE } from './dockerignore';
import type { DeployHistory } from './history';
import { pullMissingBaseImages, type AuthLookup } from './base-images';
import { logTail, waitUntilReady } from './wait-ready';

export type DeployRunParsed = z.output<typeof deployRunParams>;

export const APP_LABEL = 'porthole.app';
export const DEPLOY_ID_LABEL = 'porthole.deploy.id';
export const DEPLOY_FOLDER_LABEL = 'porthole.deploy.folder';
export const DEPLOY_TIME_LABEL = 'porthole.deploy.time';

export interface DeployDeps {
  connection: EngineConnection;
  history: DeployHistory;
  /** Added to every image and container the deploy makes (tests add their run label). */
  extraLabels?: Record<string, string>;
  /** The signed-in credentials for a registry, used to pull missing base images. */
  authFor?: AuthLookup;
}

const inProgress = new Set<string>();

/** Emits stage events with elapsed times, and fails the stage with words a person reads. */
class StageClock {
  private current: { stage: DeployStage; startedMs: number } | null = null;
  constructor(private readonly emit: (e: DeployEvent) => void) {}
  start(stage: DeployStage, message?: string): void {
    this.current = { stage, startedMs: Date.now() };
    this.emit({ kind: 'stage', stage, state: 'running', atMs: Date.now(), message });
  }
  done(message?: string): void {
    if (!this.current) return;
    this.emit({ kind: 'stage', stage: this.current.stage, state: 'done', atMs: Date.now(), elapsedMs: Date.now() - this.current.startedMs, message });
    this.current = null;
  }
  /** Reports the running stage as skipped: it turned out to have nothing to do. */
  skip(message?: string): void {
    if (!this.current) return;
    const { stage } = this.current;
    this.current = null;
    this.emit({ kind: 'stage', stage, state: 'skipped', atMs: Date.now(), message });
  }
  fail(message: string): DeployStage {
    const stage = this.current?.stage ?? 'plan';
    this.emit({ kind: 'stage', stage, state: 'failed', atMs: Date.now(), elapsedMs: this.current ? Date.now() - this.current.startedMs : 0, message });
    this.current = null;
    return stage;
  }
}

async function existingApp(docker: Dockerode, name: string): Promise<Dockerode.ContainerInfo | null> {
  const found = await docker.listContainers({ all: true, filters: { label: [`${APP_LABEL}=${name}`] } });
  return found.find((c) => c.Names.includes(`/${name}`)) ?? null;
}

async function writeIfMissing(path: string, content: string): Promise<boolean> {
  try {
    await writeFile(path, content, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new PortholeError('PERMISSION_DENIED', `Porthole could not write ${path}: ${(error as Error).message}`);
  }
}

/** Runs one candidate container and waits for it; on any failure it is removed and the error says why. */
async function startAndWait(
  deps: DeployDeps,
  p: DeployRunParsed,
  spec: { image: string; name: string; hostPort: number; env: string[]; mounts: { type: 'volume'; source: string; target: string; readOnly: boolean }[]; labels: Record<string, string> },
  signal: AbortSignal,
): Promise<Dockerode.Container> {
  const docker = deps.connection.client();
  const created = await new ContainerService(deps.connection).run({
    image: spec.image,
    name: spec.name,
    ports: [{ hostPort: spec.hostPort, containerPort: p.port, protocol: 'tcp', hostIp: '127.0.0.1' }],
    env: spec.env,
    mounts: spec.mounts,
    restartPolicy: 'no',
    // Apps rarely handle SIGTERM as PID 1 (node does not): with an init, a redeploy's stop takes ms, not the 10 s timeout.
    init: true,
    labels: spec.labels,
  });
  const container = docker.getContainer(created.id);
  const outcome = await waitUntilReady(container, spec.hostPort, p.probe, p.waitTimeoutMs, signal);
  if (outcome.kind === 'ready') {
    // Now that it answers, keep it running across engine restarts, as a deployed app should.
    await container.update({ RestartPolicy: { Name: 'unless-stopped' } } as never).catch(() => {});
    return container;
  }
  const tail = await logTail(container);
  await container.remove({ force: true, v: false }).catch(() => {});
  if (outcome.kind === 'cancelled') throw new PortholeError('CANCELLED', 'The deploy was cancelled.');
  if (outcome.kind === 'timeout') {
    throw new PortholeError('TIMEOUT', `The app did not answer on port ${p.port} within ${Math.round(p.waitTimeoutMs / 1000)} s. Check that it listens on 0.0.0.0:${p.port} (or on $PORT).`, { stage: 'wait', logTail: tail } satisfies DeployFailureDetail);
  }
  throw new PortholeError('APP_CRASHED', `The app exited with code ${outcome.exitCode} while starting.${tail.length ? ` Its last output:\n${tail.join('\n')}` : ' It printed nothing.'}`, {
    stage: 'wait',
    exitCode: outcome.exitCode,
    logTail: tail,
  } satisfies DeployFailureDetail);
}

/**
 * Builds the folder into a new image, then replaces the app's container only once a new one has started
 * and answers; if the new one fails, the old one is left running untouched.
 */
export async function runDeploy(deps: DeployDeps, p: DeployRunParsed, emit: (e: DeployEvent) => void, signal: AbortSignal): Promise<DeployResult> {
  if (inProgress.has(p.name)) throw new PortholeError('CONFLICT', `"${p.name}" is already being deployed. Wait for it to finish or cancel it.`);
  inProgress.add(p.name);
  const clock = new StageClock(emit);
  const startedMs = Date.now();
  const deployId = `d${startedMs.toString(36)}`;
  const image = `porthole/${p.name}:${deployId}`;
  let imageId: string | null = null;
  const docker = deps.connection.client();
  try {
    clock.start('plan');
    const folder = await AppFolder.open(p.folder);
    const dotenv = folder.has('.env') ? parseDotenv((await folder.text('.env')) ?? '') : {};
    const env = Object.entries({ ...dotenv, ...p.env, PORT: String(p.port) }).map(([k, v]) => `${k}=${v}`);
    clock.done(`${Object.keys(dotenv).length} value(s) from .env are passed at run time`);

    clock.start('dockerfile');
    const own = ['Dockerfile', 'Containerfile'].find((f) => folder.has(f));
    const ownText = own ? await readFile(join(p.folder, own), 'utf8').catch(() => null) : null;
    const dockerfilePath = own && ownText === p.dockerfile ? own : GENERATED_DOCKERFILE;
    if (dockerfilePath === GENERATED_DOCKERFILE) await writeFile(join(p.folder, GENERATED_DOCKERFILE), p.dockerfile).catch((e: Error) => {
      throw new PortholeError('PERMISSION_DENIED', `Porthole could not write ${GENERATED_DOCKERFILE} in ${p.folder}: ${e.message}`);
    });
    const wroteIgnore = p.dockerignore && !folder.has('.dockerignore') ? await writeIfMissing(join(p.folder, '.dockerignore'), p.dockerignore) : false;
    clock.done(`${dockerfilePath}${wroteIgnore ? ' and .dockerignore written' : ''}`);

    clock.start('pull');
    const bases = await pullMissingBaseImages(deps.connection, p.dockerfile, deps.authFor, (progress) => emit({ kind: 'pull', progress }), signal);
    if (bases.pulled.length > 0) clock.done(`pulled ${bases.pulled.join(', ')}`);
    else clock.skip(bases.present.length > 0 ? `${bases.present.join(', ')} already here` : 'no base image to fetch');

    clock.start('build', image);
    const labels = { ...deps.extraLabels, [APP_LABEL]: p.name, [DEPLOY_ID_LABEL]: deployId, [DEPLOY_FOLDER_LABEL]: p.folder, [DEPLOY_TIME_LABEL]: new Date(startedMs).toISOString() };
    // The image carries only the stable labels: the legacy builder adds one LABEL step (an intermediate
    // container) per label, and a per-deploy value would also defeat the cache. The container carries them all.
    const imageLabels = { ...deps.extraLabels, [APP_LABEL]: p.name };
    imageId = await buildImage(deps.connection, { context: p.folder, tag: image, dockerfile: dockerfilePath, buildArgs: {}, labels: imageLabels, noCache: false }, (events) => emit({ kind: 'build', events }), signal);
    clock.done(imageId.replace(/^sha256:/, '').slice(0, 12));

    clock.start('run');
    const old = await existingApp(docker, p.name);
    if (!old) {
      const clash = await docker.getContainer(p.name).inspect().catch(() => null);
      if (clash) throw new PortholeError('CONFLICT', `A container named "${p.name}" exists and was not deployed by Porthole. Choose another name, or remove that container.`);
    }
    const oldDetail = old ? await docker.getContainer(old.Id).inspect() : null;
    const oldHostPort = Number(oldDetail?.HostConfig.PortBindings?.[`${p.port}/tcp`]?.[0]?.HostPort ?? 0) || null;
    const wanted = p.hostPort ?? oldHostPort ?? p.port;
    let hostPort = wanted;
    if (wanted !== oldHostPort && !(await isPortFree(wanted))) {
      if (p.hostPort) throw new PortholeError('PORT_IN_USE', `Host port ${wanted} is already in use. Choose another one, or leave it empty to let Porthole pick a free one.`);
      const next = await findFreePort(wanted + 1);
      if (!next) throw new PortholeError('PORT_IN_USE', `Port ${wanted} and the 200 after it are all in use.`);
      hostPort = next;
      emit({ kind: 'log', text: `Port ${wanted} is in use; using ${hostPort} instead.` });
    }
    const mounts = (oldDetail?.Mounts ?? []).filter((m) => m.Type === 'volume' && m.Name).map((m) => ({ type: 'volume' as const, source: m.Name!, target: m.Destination, readOnly: !m.RW }));
    const spec = { image, env, mounts, labels };

    let container: Dockerode.Container;
    if (!old) {
      clock.done(`${p.name} on port ${hostPort}`);
      clock.start('wait', `http://127.0.0.1:${hostPort}`);
      container = await startAndWait(deps, p, { ...spec, name: p.name, hostPort }, signal);
    } else {
      // A trial run on a spare port proves the new image starts before the old container is touched.
      const trialPort = (await findFreePort(hostPort + 1)) ?? 0;
      clock.done(`trying the new image next to the running one (port ${trialPort})`);
      clock.start('wait', `http://127.0.0.1:${trialPort}`);
      const trial = await startAndWait(deps, p, { ...spec, name: `${p.name}-next-${deployId}`, hostPort: trialPort }, signal);
      await trial.remove({ force: true, v: false });
      const previous = docker.getContainer(old.Id);
      await previous.stop({ t: 10 }).catch(() => {});
      await previous.rename({ name: `${p.name}-previous-${deployId}` });
      try {
        container = await startAndWait(deps, p, { ...spec, name: p.name, hostPort }, signal);
      } catch (error) {
        await previous.rename({ name: p.name }).catch(() => {});
        await previous.start().catch(() => {});
        throw error;
      }
      await previous.remove({ force: true, v: false }).catch(() => {});
      if (old.ImageID !== imageId) await docker.getImage(old.ImageID).remove().catch(() => {});
    }
    const url = `http://127.0.0.1:${hostPort}`;
    clock.done(`answers at ${url}`);
    const info = await container.inspect();
    const result: DeployResult = {
      url,
      container: info.Name.replace(/^\//, ''),
      containerId: info.Id,
      image,
      imageId: imageId ?? info.Image,
      hostPort,
      portMoved: hostPort !== p.port,
      replaced: old ? old.Id : null,
    };
    clock.start('open', url);
    clock.done(url);
    emit({ kind: 'done', result });
    await deps.history.add({ id: deployId, app: p.name, folder: p.folder, startedMs, finishedMs: Date.now(), result: 'succeeded', image, imageId: result.imageId, container: result.container, url }).catch(() => {});
    return result;
  } catch (error) {
    const apiError = toApiError(error);
    const cancelled = apiError.code === 'CANCELLED' || signal.aborted;
    const stage = clock.fail(cancelled ? 'Cancelled.' : apiError.message);
    if (imageId) await docker.getImage(image).remove().catch(() => {});
    await deps.history
      .add({ id: deployId, app: p.name, folder: p.folder, startedMs, finishedMs: Date.now(), result: cancelled ? 'cancelled' : 'failed', image: null, imageId: null, container: null, url: null, message: apiError.message })
      .catch(() => {});
    const detail = { ...(typeof apiError.detail === 'object' && apiError.detail ? apiError.detail : {}), stage };
    throw new PortholeError(cancelled ? 'CANCELLED' : apiError.code, apiError.message, detail);
  } finally {
    inProgress.delete(p.name);
  }
}
