import type Dockerode from 'dockerode';
import { PortholeError } from '../../../shared/errors';
import type { DeployFailureDetail } from '../../../shared/api/deploy';
import type { EngineConnection } from '../../engine/connection';
import { ContainerService } from '../../containers/container-service';
import { logTail, waitUntilReady } from '../wait-ready';

export interface CandidateSpec {
  image: string;
  name: string;
  hostPort: number;
  containerPort: number;
  env: string[];
  mounts: { type: 'volume'; source: string; target: string; readOnly: boolean }[];
  labels: Record<string, string>;
  probe: 'http' | 'tcp';
  waitTimeoutMs: number;
}

/**
 * Runs one container of the new image and waits until it answers on its host port. On any failure —
 * the app exits, never answers, the wait is cancelled, or the engine itself fails mid-wait — the
 * container is removed again, so nothing half-made is left behind, and the error says why.
 */
export async function startCandidate(connection: EngineConnection, spec: CandidateSpec, signal: AbortSignal): Promise<Dockerode.Container> {
  const containers = new ContainerService(connection);
  const created = await containers.run({
    image: spec.image,
    name: spec.name,
    ports: [{ hostPort: spec.hostPort, containerPort: spec.containerPort, protocol: 'tcp', hostIp: '127.0.0.1' }],
    env: spec.env,
    mounts: spec.mounts,
    restartPolicy: 'no',
    // Apps rarely handle SIGTERM as PID 1 (node does not): with an init, a swap's stop takes ms, not the 10 s timeout.
    init: true,
    labels: spec.labels,
  });
  const container = connection.client().getContainer(created.id);
  const discard = () => containers.remove([created.id], true).catch(() => []);
  let outcome;
  try {
    outcome = await waitUntilReady(container, spec.hostPort, spec.probe, spec.waitTimeoutMs, signal);
  } catch (error) {
    await discard();
    throw error;
  }
  if (outcome.kind === 'ready') {
    // Now that it answers, keep it running across engine restarts, as a deployed app should.
    await containers.setRestartPolicy(created.id, 'unless-stopped').catch(() => {});
    return container;
  }
  const tail = await logTail(container);
  await discard();
  if (outcome.kind === 'cancelled') throw new PortholeError('CANCELLED', 'The deploy was cancelled.');
  if (outcome.kind === 'timeout') {
    throw new PortholeError(
      'TIMEOUT',
      `The app did not answer on port ${spec.containerPort} within ${Math.round(spec.waitTimeoutMs / 1000)} s. Check that it listens on 0.0.0.0:${spec.containerPort} (or on $PORT).`,
      { stage: 'wait', logTail: tail } satisfies DeployFailureDetail,
    );
  }
  throw new PortholeError('APP_CRASHED', `The app exited with code ${outcome.exitCode} while starting.${tail.length ? ` Its last output:\n${tail.join('\n')}` : ' It printed nothing.'}`, {
    stage: 'wait',
    exitCode: outcome.exitCode,
    logTail: tail,
  } satisfies DeployFailureDetail);
}
