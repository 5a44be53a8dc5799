/**
 * Deploy of a folder whose app is a compose project: `compose up` through the user's own compose (its checks
 * run first, so a taken host port stops it before anything starts), then the same readiness wait as a
 * one-container deploy on the entry service's published port. Stages and history are the deploy's own.
 */
import type Dockerode from 'dockerode';
import type { z } from 'zod';
import type { ComposePortPreview, ComposePreview } from '../../shared/api/compose';
import type { ComposeDeployResult, composeDeployRunParams } from '../../shared/api/deploy-compose';
import type { DeployEvent } from '../../shared/api/deploy';
import { COMPOSE_LABELS } from '../../shared/compose/group-projects';
import { PortholeError } from '../../shared/errors';
import type { EngineConnection } from '../engine/connection';
import { toApiError } from '../engine/errors';
import * as engine from '../engine/gateway';
import type { DeployHistory } from '../deploy/history';
import { StageClock } from '../deploy/stage-clock';
import { logTail, waitUntilReady } from '../deploy/wait-ready';
import type { ComposeService } from './compose-service';
import { claimDeploy } from '../deploy/deploy-lock';

export type ComposeDeployParsed = z.output<typeof composeDeployRunParams>;

export interface ComposeDeployDeps {
  compose: ComposeService;
  connection: EngineConnection;
  history: DeployHistory;
  /** Apps and projects being deployed right now: a second deploy of the same one is refused. */
  inProgress: Set<string>;
}

const problemText = (preview: ComposePreview): string => preview.problems.map((p) => `${p.file}${p.line ? `:${p.line}:${p.column}` : ''}: ${p.message}`).join('; ');

interface Entry {
  service: string;
  port: ComposePortPreview;
  /** The host port the compose file publishes it on. */
  hostPort: number;
}

/** The entry service as the user picked it, checked against the file as it is now. */
function entryOf(preview: ComposePreview, name: string | undefined): Entry | null {
  if (!name) return null;
  const service = preview.services.find((s) => s.name === name);
  if (!service) throw new PortholeError('VALIDATION', `The compose file has no service "${name}". Read the folder again and pick one of: ${preview.services.map((s) => s.name).join(', ')}.`);
  const port = service.ports.find((p) => p.hostPort);
  if (!port?.hostPort) throw new PortholeError('VALIDATION', `Service "${name}" publishes no host port, so Porthole cannot check it answers. Pick a service with "ports:" as the entry point, or none.`);
  return { service: name, port, hostPort: port.hostPort };
}

/** The entry service's container and the host port the engine actually published for it. */
async function entryContainer(connection: EngineConnection, project: string, entry: Entry): Promise<{ container: Dockerode.Container; name: string; hostPort: number }> {
  const [info] = await engine.listContainers(connection.client(), { filters: { label: [`${COMPOSE_LABELS.project}=${project}`, `${COMPOSE_LABELS.service}=${entry.service}`] } });
  if (!info) throw new PortholeError('APP_CRASHED', `Service "${entry.service}" is not running after compose up. Open its logs in Projects to see why.`);
  const published = info.Ports.find((p) => p.PublicPort && String(p.PrivatePort) === entry.port.containerPort)?.PublicPort;
  return { container: connection.client().getContainer(info.Id), name: (info.Names[0] ?? info.Id).replace(/^\//, ''), hostPort: published ?? entry.hostPort };
}

const urlHost = (hostIp: string | undefined): string => (!hostIp || hostIp === '0.0.0.0' || hostIp === '::' ? '127.0.0.1' : hostIp.includes(':') ? `[${hostIp}]` : hostIp);

export async function deployComposeProject(deps: ComposeDeployDeps, p: ComposeDeployParsed, emit: (e: DeployEvent) => void, signal: AbortSignal): Promise<ComposeDeployResult> {
  claimDeploy(deps.inProgress, p.project);
  const clock = new StageClock(emit);
  const startedMs = Date.now();
  const id = `c${startedMs.toString(36)}`;
  const log = (text: string) => emit({ kind: 'log', text });
  const record = (fields: { result: 'succeeded' | 'failed' | 'cancelled'; url: string | null; container: string | null; message?: string }) =>
    deps.history.add({ id, kind: 'compose', app: p.project, folder: p.folder, startedMs, finishedMs: Date.now(), image: null, imageId: null, ...fields }).catch(() => {});
  let started = false;
  try {
    clock.start('plan');
    const preview = await deps.compose.open(p.folder, p.project);
    if (preview.problems.length > 0) throw new PortholeError('VALIDATION', `The compose file is not valid: ${problemText(preview)}. Fix it and read the folder again.`, { problems: preview.problems });
    const entry = entryOf(preview, p.entryService);
    clock.done(`${preview.services.length} service(s)${entry ? `, entry point ${entry.service}` : ''}`);
    for (const stage of ['dockerfile', 'pull', 'build'] as const) {
      clock.start(stage);
      clock.skip('compose up pulls and builds what the services need');
    }

    clock.start('run', 'compose up');
    await deps.compose.run({ action: 'up', project: p.project, files: preview.files, workingDir: preview.workingDir, services: [], removeVolumes: false, confirmVolumes: [] }, (e) => {
      if (e.kind === 'started') {
        started = true;
        log(`$ ${e.binary} ${e.args.join(' ')}`);
      } else if (e.kind === 'output') for (const line of e.text.split(/\r?\n/)) if (line.trim()) log(line);
    }, signal);
    clock.done(`${preview.services.length} service(s) up`);

    const services = preview.services.map((s) => s.name);
    let result: ComposeDeployResult = { project: p.project, folder: p.folder, services, entryService: null, url: null, container: null };
    if (!entry) {
      clock.start('wait');
      clock.skip('no service publishes a port');
    } else {
      const target = await entryContainer(deps.connection, p.project, entry);
      const url = `http://${urlHost(entry.port.hostIp)}:${target.hostPort}`;
      clock.start('wait', url);
      const outcome = await waitUntilReady(target.container, target.hostPort, p.probe, p.waitTimeoutMs, signal);
      if (outcome.kind === 'exited') {
        throw new PortholeError('APP_CRASHED', `Service "${entry.service}" exited with code ${outcome.exitCode} before port ${target.hostPort} answered. The project is left as it is: see its logs in Projects, or Down it there.`, { exitCode: outcome.exitCode, logTail: await logTail(target.container) });
      }
      if (outcome.kind === 'timeout') throw new PortholeError('TIMEOUT', `Port ${target.hostPort} of service "${entry.service}" did not answer within ${p.waitTimeoutMs / 1000} s. The project is left running: see its logs in Projects.`, { logTail: await logTail(target.container) });
      if (outcome.kind === 'cancelled') throw new PortholeError('CANCELLED', 'Cancelled.');
      clock.done(`answers at ${url}`);
      result = { ...result, entryService: entry.service, url, container: target.name };
    }
    clock.start('open', result.url ?? undefined);
    clock.skip(result.url ? `ready to open at ${result.url}` : 'nothing to open');
    emit({ kind: 'compose-done', result });
    await record({ result: 'succeeded', url: result.url, container: result.container });
    return result;
  } catch (error) {
    const apiError = toApiError(error);
    const cancelled = apiError.code === 'CANCELLED' || signal.aborted;
    const stage = clock.fail(cancelled ? 'Cancelled.' : apiError.message);
    await record({ result: cancelled ? 'cancelled' : 'failed', url: null, container: null, message: apiError.message });
    const detail = { ...(typeof apiError.detail === 'object' && apiError.detail ? apiError.detail : {}), stage, composeStarted: started };
    throw new PortholeError(cancelled ? 'CANCELLED' : apiError.code, apiError.message, detail);
  } finally {
    deps.inProgress.delete(p.project);
  }
}
