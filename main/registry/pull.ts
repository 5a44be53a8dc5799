import type { TransferProgress } from '../../shared/api/registry';
import type { EngineConnection } from '../engine/connection';
import type { RegistryAuth } from './credentials';
import { splitForPull } from './reference-host';
import { followTransfer } from './transfer';
import * as engine from '../engine/gateway';

/**
 * Pulls an image with per-layer progress. Reusable by any feature that needs a missing image (run
 * dialog, deploy): pass the auth from `CredentialStore.authFor(registryOf(ref))` or undefined.
 * Resolves with the final snapshot (percent 100); rejects with NOT_FOUND / UNAUTHORIZED / NETWORK /
 * CANCELLED and the engine's words.
 */
export function pullImage(
  connection: EngineConnection,
  reference: string,
  auth: RegistryAuth | undefined,
  emit: (progress: TransferProgress) => void,
  signal: AbortSignal,
): Promise<TransferProgress> {
  const { fromImage, tag } = splitForPull(reference);
  return followTransfer(
    'pull',
    reference,
    async () =>
      engine.pullImage(connection.client(), { fromImage, tag }, auth ?? {}, signal),
    emit,
    signal,
  );
}
