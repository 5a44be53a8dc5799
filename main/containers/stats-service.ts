import type { Readable } from 'node:stream';
import type { StatsSample } from '../../shared/api/containers';
import type { EngineConnection } from '../engine/connection';
import { JsonLinesParser } from '../engine/json-lines';
import { toStatsSample, type RawStats } from '../engine/stats-math';
import { pumpUntilDone } from '../lib/stream-util';

/** Streams one sample a second (the engine's pace) until the caller unsubscribes or the container stops. */
export async function streamStats(connection: EngineConnection, id: string, emit: (s: StatsSample) => void, signal: AbortSignal): Promise<void> {
  const container = connection.client().getContainer(id);
  const stream = (await container.stats({ stream: true, abortSignal: signal } as never)) as unknown as Readable;
  const parser = new JsonLinesParser(({ value }) => {
    const raw = value as RawStats;
    if (raw?.cpu_stats) emit(toStatsSample(raw));
  });
  await pumpUntilDone(stream, signal, (chunk) => parser.push(chunk));
}

/** One sample without streaming (`one-shot` where the engine supports it, else the first streamed sample). */
export async function statsOnce(connection: EngineConnection, id: string): Promise<StatsSample> {
  const raw = (await connection.client().getContainer(id).stats({ stream: false })) as unknown as RawStats;
  return toStatsSample(raw);
}
