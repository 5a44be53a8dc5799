import type { StatsSample } from '../../shared/api/containers';
import type { EngineConnection } from '../engine/connection';
import { JsonLinesParser } from '../engine/json-lines';
import * as engine from '../engine/gateway';
import { toStatsSample, type RawStats } from '../engine/stats-math';
import { pumpUntilDone } from '../lib/stream-util';

/** Streams one sample a second (the engine's pace) until the caller unsubscribes or the container stops. */
export async function streamStats(connection: EngineConnection, id: string, emit: (s: StatsSample) => void, signal: AbortSignal): Promise<void> {
  const container = connection.client().getContainer(id);
  const stream = await engine.statsStream(container, signal);
  const parser = new JsonLinesParser(({ value }) => {
    const raw = value as RawStats;
    if (raw?.cpu_stats) emit(toStatsSample(raw));
  });
  await pumpUntilDone(stream, signal, (chunk) => parser.push(chunk));
}
