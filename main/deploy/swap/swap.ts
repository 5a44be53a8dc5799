import type Dockerode from 'dockerode';
import { PortholeError } from '../../../shared/errors';
import type { EngineConnection } from '../../engine/connection';
import { findFreePort } from '../../lib/ports';
import { AppContainers, swapNames } from './app-containers';
import { startCandidate, type CandidateSpec } from './candidate';

export interface SwapInput {
  app: string;
  deployId: string;
  old: { id: string; imageId: string };
  /** The image id of the new build (the old image is removed only when it differs). */
  newImageId: string;
  /** The app's host port, which the old container holds until the swap. */
  hostPort: number;
  /** Everything of the candidate but its name and port. */
  spec: Omit<CandidateSpec, 'name' | 'hostPort'>;
}

export interface SwapReport {
  container: Dockerode.Container;
  trialPort: number;
  /** From the old container being asked to stop until the new one answered on the app's port. */
  gapMs: number;
}

export interface SwapHooks {
  /** The trial is about to start on `trialPort` (the wait stage begins). */
  trying(trialPort: number): void;
  log(text: string): void;
}

/**
 * Replaces a running app with a new image:
 * 1. a trial of the new image must answer on a spare port while the old container still serves;
 * 2. only then the old one stops and is renamed `-previous-`, and the new image starts on the app's port;
 * 3. once that answers, the trial and the previous container go.
 * Every step that can fail undoes what came before it, so a failed swap leaves the old container
 * serving under its own name; a crash mid-swap leaves names the next deploy settles (leftovers.ts).
 */
export async function swapIn(connection: EngineConnection, input: SwapInput, hooks: SwapHooks, signal: AbortSignal): Promise<SwapReport> {
  const containers = new AppContainers(connection);
  const names = swapNames(input.app, input.deployId);
  const trialPort = await findFreePort(input.hostPort + 1);
  if (!trialPort) throw new PortholeError('PORT_IN_USE', `No free port after ${input.hostPort} to try the new version next to the running one.`);

  hooks.trying(trialPort);
  const trial = await startCandidate(connection, { ...input.spec, name: names.trial, hostPort: trialPort }, signal);
  const dropTrial = () => containers.remove(trial.id).catch(() => {});
  if (signal.aborted) {
    await dropTrial();
    throw new PortholeError('CANCELLED', 'The deploy was cancelled.');
  }

  const gapStarted = Date.now();
  try {
    await containers.stop(input.old.id);
  } catch (error) {
    await containers.start(input.old.id).catch(() => {});
    await dropTrial();
    throw error;
  }
  try {
    await containers.rename(input.old.id, names.previous);
  } catch (error) {
    await containers.start(input.old.id).catch(() => {});
    await dropTrial();
    throw error;
  }

  let container: Dockerode.Container;
  try {
    container = await startCandidate(connection, { ...input.spec, name: input.app, hostPort: input.hostPort }, signal);
  } catch (error) {
    // Restore: the old container gets its name back and serves again on the app's port.
    const restored = await containers
      .rename(input.old.id, input.app)
      .then(() => containers.start(input.old.id))
      .then(
        () => true,
        () => false,
      );
    await dropTrial();
    hooks.log(restored ? `The new version failed on port ${input.hostPort}; the previous one was restored and serves again.` : `The new version failed and the previous container could not be restored; it is kept as ${names.previous}.`);
    throw error;
  }
  const gapMs = Date.now() - gapStarted;
  hooks.log(`Swapped in ${Math.max(1, gapMs)} ms: the app did not answer on port ${input.hostPort} for that long.`);

  await dropTrial();
  await containers.remove(input.old.id).catch(() => {});
  if (input.old.imageId && input.old.imageId !== input.newImageId) await containers.removeImage(input.old.imageId);
  return { container, trialPort, gapMs };
}
