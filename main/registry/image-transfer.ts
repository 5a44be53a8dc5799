import type { TransferProgress } from '../../shared/api/registry';
import type { EngineConnection } from '../engine/connection';
import type { RegistryAuth } from './credentials';
import { splitForPull } from './reference-host';
import { followTransfer } from './transfer';
import * as engine from '../engine/gateway';

type Transfer = (connection: EngineConnection, reference: string, auth: RegistryAuth | undefined, emit: (progress: TransferProgress) => void, signal: AbortSignal) => Promise<TransferProgress>;

/** Opens the engine's progress stream of a pull or a push, and follows it to its end. */
const transfer =
  (kind: 'pull' | 'push'): Transfer =>
  (connection, reference, auth, emit, signal) => {
    const { fromImage, tag } = splitForPull(reference);
    // The engine wants an X-Registry-Auth header even when anonymous ("{}" is fine).
    const credentials = auth ?? {};
    const open = async () =>
      kind === 'pull' ? engine.pullImage(connection.client(), { fromImage, tag }, credentials, signal) : engine.pushImage(connection.client().getImage(fromImage), tag, credentials, signal);
    return followTransfer(kind, reference, open, emit, signal);
  };

/**
 * Pulls an image with per-layer progress. Reusable by any feature that needs a missing image (run
 * dialog, deploy): pass the auth from `CredentialStore.authFor(registryOf(ref))` or undefined.
 * Resolves with the final snapshot (percent 100); rejects with NOT_FOUND / UNAUTHORIZED / NETWORK /
 * CANCELLED and the engine's words.
 */
export const pullImage: Transfer = transfer('pull');

/** Pushes a local image to its registry with per-layer progress; fails on an error line in the stream. */
export const pushImage: Transfer = transfer('push');
