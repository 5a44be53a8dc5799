import type { TransferProgress } from '../../shared/api/registry';
import type { EngineConnection } from '../engine/connection';
import type { RegistryAuth } from './credentials';
import { splitForPull } from './reference-host';
import { followTransfer } from './transfer';
import * as engine from '../engine/gateway';

/** Pushes a local image to its registry with per-layer progress; fails on an error line in the stream. */
export function pushImage(
  connection: EngineConnection,
  reference: string,
  auth: RegistryAuth | undefined,
  emit: (progress: TransferProgress) => void,
  signal: AbortSignal,
): Promise<TransferProgress> {
  const { fromImage, tag } = splitForPull(reference);
  return followTransfer(
    'push',
    reference,
    async () => {
      // The engine wants an X-Registry-Auth header even when anonymous ("{}" is fine).
      const image = connection.client().getImage(fromImage);
      return engine.pushImage(image, tag, auth ?? {}, signal);
    },
    emit,
    signal,
  );
}
