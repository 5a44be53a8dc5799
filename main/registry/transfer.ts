import type { Readable } from 'node:stream';
import { PortholeError } from '../../shared/errors';
import type { TransferProgress } from '../../shared/api/registry';
import { Batcher } from '../engine/batcher';
import { JsonLinesParser } from '../engine/json-lines';
import { pumpUntilDone } from '../lib/stream-util';
import { TransferTracker, type ProgressLine } from './progress';
import { registryError, toRegistryError } from './registry-errors';

/**
 * Reads a pull or push progress stream to its end, emitting snapshots at most every 100 ms. An
 * `error` line inside the HTTP 200 fails the transfer with the engine's words (dockerode's
 * followProgress would call it a success).
 */
export async function followTransfer(
  kind: 'pull' | 'push',
  reference: string,
  open: () => Promise<Readable>,
  emit: (progress: TransferProgress) => void,
  signal: AbortSignal,
): Promise<TransferProgress> {
  const tracker = new TransferTracker(kind, reference);
  const batcher = new Batcher<true>(() => emit(tracker.snapshot()), 100, 1_000_000);
  const parser = new JsonLinesParser(({ value }) => {
    if (tracker.apply(value as ProgressLine)) batcher.push(true);
  });
  let stream: Readable;
  try {
    stream = await open();
  } catch (error) {
    if (signal.aborted) throw new PortholeError('CANCELLED', `The ${kind} was cancelled.`);
    throw toRegistryError(error);
  }
  await pumpUntilDone(stream, signal, (chunk) => parser.push(chunk));
  parser.end();
  if (signal.aborted) {
    batcher.discard();
    throw new PortholeError('CANCELLED', `The ${kind} of ${reference} was cancelled.`);
  }
  if (tracker.error) {
    batcher.discard();
    throw registryError(tracker.error, { reference });
  }
  tracker.finish();
  batcher.discard();
  const last = tracker.snapshot();
  emit(last);
  return last;
}
