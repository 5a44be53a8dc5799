import type { z } from 'zod';
import type Dockerode from 'dockerode';
import { PortholeError } from '../../shared/errors';
import type { DeployEvent, DeployResult, deployRunParams } from '../../shared/api/deploy';
import type { EngineConnection } from '../engine/connection';
import { toApiError } from '../engine/errors';
import type { DeployHistory } from './history';
import type { AuthLookup } from './base-images';
import { StageClock } from './stage-clock';
import { buildStage, dockerfileStage, planStage, pullStage, resolveRunTarget } from './stages';
import { AppContainers, APP_LABEL } from './swap/app-containers';
import { settleLeftovers } from './swap/leftovers';
import { startCandidate } from './swap/candidate';
import { swapIn } from './swap/swap';
import { claimDeploy } from './deploy-lock';

export type DeployRunParsed = z.output<typeof deployRunParams>;

export { APP_LABEL };
export const DEPLOY_ID_LABEL = 'porthole.deploy.id';
export const DEPLOY_FOLDER_LABEL = 'porthole.deploy.folder';
export const DEPLOY_TIME_LABEL = 'porthole.deploy.time';

export interface DeployDeps {
  connection: EngineConnection;
  history: DeployHistory;
  /** Apps being deployed right now by this service: a second deploy of the same app is refused. */
  inProgress: Set<string>;
  /** Added to every image and container the deploy makes (tests add their run label). */
  extraLabels?: Record<string, string>;
  /** The signed-in credentials for a registry, used to pull missing base images. */
  authFor?: AuthLookup;
}

/**
 * Builds the folder into a new image, then puts it in place: a first deploy simply starts it; a
 * redeploy swaps it in (swap/swap.ts) so the old container serves until the new one has proved itself.
 */
export async function runDeploy(deps: DeployDeps, p: DeployRunParsed, emit: (e: DeployEvent) => void, signal: AbortSignal): Promise<DeployResult> {
  claimDeploy(deps.inProgress, p.name);
  const clock = new StageClock(emit);
  const startedMs = Date.now();
  const deployId = `d${startedMs.toString(36)}`;
  const image = `porthole/${p.name}:${deployId}`;
  let imageId: string | null = null;
  const log = (text: string) => emit({ kind: 'log', text });
  try {
    const { folder, env } = await planStage(clock, p);
    const dockerfile = await dockerfileStage(clock, p, folder);
    await pullStage(clock, deps.connection, p, deps.authFor, emit, signal);
    const labels = { ...deps.extraLabels, [APP_LABEL]: p.name, [DEPLOY_ID_LABEL]: deployId, [DEPLOY_FOLDER_LABEL]: p.folder, [DEPLOY_TIME_LABEL]: new Date(startedMs).toISOString() };
    // The image carries only the stable labels: the legacy builder adds one LABEL step per label, and a
    // per-deploy value would also defeat the cache. The container carries them all.
    imageId = await buildStage(clock, deps.connection, p, { image, dockerfile, labels: { ...deps.extraLabels, [APP_LABEL]: p.name } }, emit, signal);

    clock.start('run');
    for (const text of await settleLeftovers(new AppContainers(deps.connection), p.name)) log(text);
    const target = await resolveRunTarget(deps.connection, p, log);
    const spec = { image, containerPort: p.port, env, mounts: target.mounts, labels, probe: p.probe, waitTimeoutMs: p.waitTimeoutMs };
    let container: Dockerode.Container;
    if (!target.old) {
      clock.done(`${p.name} on port ${target.hostPort}`);
      clock.start('wait', `http://127.0.0.1:${target.hostPort}`);
      container = await startCandidate(deps.connection, { ...spec, name: p.name, hostPort: target.hostPort }, signal);
    } else {
      const swapped = await swapIn(
        deps.connection,
        { app: p.name, deployId, old: target.old, newImageId: imageId, hostPort: target.hostPort, spec },
        {
          trying: (trialPort) => {
            clock.done(`trying the new image next to the running one (port ${trialPort})`);
            clock.start('wait', `http://127.0.0.1:${trialPort}`);
          },
          log,
        },
        signal,
      );
      container = swapped.container;
    }
    const url = `http://127.0.0.1:${target.hostPort}`;
    clock.done(`answers at ${url}`);
    const info = await container.inspect();
    const result: DeployResult = {
      url,
      container: info.Name.replace(/^\//, ''),
      containerId: info.Id,
      image,
      imageId: imageId ?? info.Image,
      hostPort: target.hostPort,
      portMoved: target.hostPort !== p.port,
      replaced: target.old?.id ?? null,
    };
    // Nothing here opens a browser: the stage is the page's (or the CLI's) to complete.
    clock.start('open', url);
    clock.skip(`ready to open at ${url}`);
    emit({ kind: 'done', result });
    await deps.history.add({ id: deployId, app: p.name, folder: p.folder, startedMs, finishedMs: Date.now(), result: 'succeeded', image, imageId: result.imageId, container: result.container, url }).catch(() => {});
    return result;
  } catch (error) {
    const apiError = toApiError(error);
    const cancelled = apiError.code === 'CANCELLED' || signal.aborted;
    const stage = clock.fail(cancelled ? 'Cancelled.' : apiError.message);
    if (imageId) await deps.connection.client().getImage(image).remove().catch(() => {});
    await deps.history
      .add({ id: deployId, app: p.name, folder: p.folder, startedMs, finishedMs: Date.now(), result: cancelled ? 'cancelled' : 'failed', image: null, imageId: null, container: null, url: null, message: apiError.message })
      .catch(() => {});
    const detail = { ...(typeof apiError.detail === 'object' && apiError.detail ? apiError.detail : {}), stage };
    throw new PortholeError(cancelled ? 'CANCELLED' : apiError.code, apiError.message, detail);
  } finally {
    deps.inProgress.delete(p.name);
  }
}
