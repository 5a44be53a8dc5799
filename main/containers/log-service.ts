import type { Readable } from 'node:stream';
import type { LogLine } from '../../shared/api/containers';
import type { EngineConnection } from '../engine/connection';
import { Batcher } from '../engine/batcher';
import { LineSplitter, LogDemuxer, splitTimestamp } from '../engine/log-demux';
import { pumpUntilDone } from '../lib/stream-util';

export interface LogParams {
  id: string;
  follow: boolean;
  tail: number;
  timestamps: boolean;
}

const LOG_BATCH_MS = 50;

/** Streams a container's logs as batches of lines; TTY containers are read raw, others demultiplexed. */
export async function streamLogs(connection: EngineConnection, params: LogParams, emit: (lines: LogLine[]) => void, signal: AbortSignal): Promise<void> {
  const container = connection.client().getContainer(params.id);
  const info = await container.inspect();
  const batcher = new Batcher<LogLine>(emit, LOG_BATCH_MS, 5_000);
  const splitterFor = (stream: 'stdout' | 'stderr') =>
    new LineSplitter((line) => {
      const { timeMs, text } = params.timestamps ? splitTimestamp(line) : { timeMs: undefined, text: line };
      batcher.push(timeMs === undefined ? { stream, text } : { stream, timeMs, text });
    });
  const stdout = splitterFor('stdout');
  const stderr = splitterFor('stderr');
  const tty = Boolean(info.Config?.Tty);
  const demux = new LogDemuxer((stream, payload) => (stream === 'stderr' ? stderr : stdout).push(payload));
  const onChunk = (chunk: Buffer) => (tty ? stdout.push(chunk) : demux.push(chunk));

  const options = { stdout: true, stderr: true, timestamps: params.timestamps, tail: params.tail, abortSignal: signal };
  if (params.follow) {
    const stream = (await container.logs({ ...options, follow: true })) as unknown as Readable;
    await pumpUntilDone(stream, signal, onChunk);
  } else {
    onChunk((await container.logs({ ...options, follow: false })) as unknown as Buffer);
  }
  if (signal.aborted) {
    batcher.discard();
    return;
  }
  stdout.end();
  stderr.end();
  batcher.flush();
}
