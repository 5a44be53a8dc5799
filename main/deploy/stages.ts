import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Dockerode from 'dockerode';
import { PortholeError } from '../../shared/errors';
import type { DeployEvent } from '../../shared/api/deploy';
import type { EngineConnection } from '../engine/connection';
import { buildImage } from '../images/build-service';
import { findFreePort, isPortFree } from '../lib/ports';
import { AppFolder } from './folder';
import { parseDotenv } from './env-scan';
import { GENERATED_DOCKERFILE } from './dockerignore';
import { pullMissingBaseImages, type AuthLookup } from './base-images';
import type { StageClock } from './stage-clock';
import type { DeployRunParsed } from './pipeline';
import { AppContainers } from './swap/app-containers';
import { detectPlan } from './detect';
import { OWN_DOCKERFILES } from './detect/dockerfile';
import { refuseMissingRequiredEnv } from './required-env-check';

/** `plan`: reads the folder; the env passed at run time (.env, then the caller's values, then PORT). */
export async function planStage(clock: StageClock, p: DeployRunParsed): Promise<{ folder: AppFolder; env: string[] }> {
  clock.start('plan');
  const folder = await AppFolder.open(p.folder);
  // A folder the planner does not recognise can still deploy with the Dockerfile the caller sent: no rule to check.
  const plan = await detectPlan(p.folder).catch(() => null);
  if (plan) refuseMissingRequiredEnv(plan, p.env);
  const dotenv = folder.has('.env') ? parseDotenv((await folder.text('.env')) ?? '') : {};
  const env = Object.entries({ ...dotenv, ...p.env, PORT: String(p.port) }).map(([k, v]) => `${k}=${v}`);
  clock.done(`${Object.keys(dotenv).length} value(s) from .env are passed at run time`);
  return { folder, env };
}

/** What the build uses: the folder's own Dockerfile, or the plan's; the plan's ignore rules when the folder has none. */
export interface DockerfileChoice {
  dockerfilePath: string;
  dockerfileText?: string;
  ignoreText?: string;
}

/**
 * `dockerfile`: uses the folder's own Dockerfile when it is the one planned, else the plan's, held in memory
 * like the generated ignore rules: a deploy writes nothing into the folder ("Save Dockerfile to the folder" does).
 */
export async function dockerfileStage(clock: StageClock, p: DeployRunParsed, folder: AppFolder): Promise<DockerfileChoice> {
  clock.start('dockerfile');
  const own = OWN_DOCKERFILES.find((f) => folder.has(f));
  const ownText = own ? await readFile(join(p.folder, own), 'utf8').catch(() => null) : null;
  const ignoreText = p.dockerignore && !folder.has('.dockerignore') ? p.dockerignore : undefined;
  const rules = ignoreText ? ", with Porthole's ignore rules" : '';
  if (own && ownText === p.dockerfile) {
    clock.done(`${own}${rules}`);
    return { dockerfilePath: own, ignoreText };
  }
  clock.done(`Porthole's Dockerfile${rules} (nothing written into the folder)`);
  return { dockerfilePath: GENERATED_DOCKERFILE, dockerfileText: p.dockerfile, ignoreText };
}

/** `pull`: fetches base images that are not here yet (skipped when all are). */
export async function pullStage(clock: StageClock, connection: EngineConnection, p: DeployRunParsed, authFor: AuthLookup | undefined, emit: (e: DeployEvent) => void, signal: AbortSignal): Promise<void> {
  clock.start('pull');
  const bases = await pullMissingBaseImages(connection, p.dockerfile, authFor, (progress) => emit({ kind: 'pull', progress }), signal);
  if (bases.pulled.length > 0) clock.done(`pulled ${bases.pulled.join(', ')}`);
  else clock.skip(bases.present.length > 0 ? `${bases.present.join(', ')} already here` : 'no base image to fetch');
}

/** `build`: the image, tagged for this deploy; returns its id. */
export async function buildStage(
  clock: StageClock,
  connection: EngineConnection,
  p: DeployRunParsed,
  build: { image: string; dockerfile: DockerfileChoice; labels: Record<string, string> },
  emit: (e: DeployEvent) => void,
  signal: AbortSignal,
): Promise<string> {
  clock.start('build', build.image);
  const imageId = await buildImage(connection, {
      context: p.folder,
      tag: build.image,
      dockerfile: build.dockerfile.dockerfilePath,
      supplied: { dockerfileText: build.dockerfile.dockerfileText, ignoreText: build.dockerfile.ignoreText },
      buildArgs: {},
      labels: build.labels,
      noCache: false,
    }, (events) => emit({ kind: 'build', events }), signal);
  clock.done(imageId.replace(/^sha256:/, '').slice(0, 12));
  return imageId;
}

export interface RunTarget {
  old: { id: string; imageId: string } | null;
  hostPort: number;
  mounts: { type: 'volume'; source: string; target: string; readOnly: boolean }[];
}

/** `run` (first half): what is there now, which host port the app gets, which volumes carry over. */
export async function resolveRunTarget(connection: EngineConnection, p: DeployRunParsed, log: (text: string) => void): Promise<RunTarget> {
  const containers = new AppContainers(connection);
  const old = await containers.current(p.name);
  if (!old && (await containers.nameTaken(p.name))) {
    throw new PortholeError('CONFLICT', `A container named "${p.name}" exists and was not deployed by Porthole. Choose another name, or remove that container.`);
  }
  const oldDetail: Dockerode.ContainerInspectInfo | null = old ? await containers.inspect(old.Id) : null;
  const oldHostPort = Number(oldDetail?.HostConfig.PortBindings?.[`${p.port}/tcp`]?.[0]?.HostPort ?? 0) || null;
  const wanted = p.hostPort ?? oldHostPort ?? p.port;
  let hostPort = wanted;
  if (wanted !== oldHostPort && !(await isPortFree(wanted))) {
    if (p.hostPort) throw new PortholeError('PORT_IN_USE', `Host port ${wanted} is already in use. Choose another one, or leave it empty to let Porthole pick a free one.`);
    const next = await findFreePort(wanted + 1);
    if (!next) throw new PortholeError('PORT_IN_USE', `Port ${wanted} and the 200 after it are all in use.`);
    hostPort = next;
    log(`Port ${wanted} is in use; using ${hostPort} instead.`);
  }
  const mounts = (oldDetail?.Mounts ?? []).filter((m) => m.Type === 'volume' && m.Name).map((m) => ({ type: 'volume' as const, source: m.Name!, target: m.Destination, readOnly: !m.RW }));
  return { old: old ? { id: old.Id, imageId: old.ImageID } : null, hostPort, mounts };
}
