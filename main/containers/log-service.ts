import type { LogBatch, LogLine } from '../../shared/api/containers';
import { EMPTY_LOG_BATCH, encodeLogBatch } from '../../shared/log-batch';
import type { EngineConnection } from '../engine/connection';
import { Batcher } from '../engine/batcher';
import * as engine from '../engine/gateway';
import { LineSplitter, LogDemuxer, MAX_LINE_CHARS, splitTimestamp } from '../engine/log-demux';
import { pumpUntilDone } from '../lib/stream-util';

export interface LogParams {
  id: string;
  follow: boolean;
  tail: number;
  timestamps: boolean;
}

const LOG_BATCH_MS = 50;
/**
 * Lines per message at most. The page parses and stores each message in one task: 5,000 lines as objects
 * (~500 KB) made tasks of ~30 ms CPU, which stretched past 100 ms while a firehose kept both cores busy (B6a).
 */
const LOG_BATCH_LINES = 1_000;
/**
 * Characters per message at most. A batch travels as one joined string (`LogBatch`); past V8's largest
 * ordinary object (~128 KB) a string goes to the large-object space, and parsing a 1,000-line message of
 * 86 KB took 0.05 ms where one of 2,000 lines (172 KB) took 1 ms.
 */
const LOG_BATCH_CHARS = 96 * 1024;

/** Streams a container's logs as batches of lines; TTY containers are read raw, others demultiplexed. */
export async function streamLogs(connection: EngineConnection, params: LogParams, emit: (batch: LogBatch) => void, signal: AbortSignal): Promise<void> {
  const container = connection.client().getContainer(params.id);
  const info = await engine.inspectContainer(container, signal);
  const batcher = new Batcher<LogLine>((lines) => emit(encodeLogBatch(lines)), LOG_BATCH_MS, LOG_BATCH_LINES, { weigh: (line) => line.text.length + 1, max: LOG_BATCH_CHARS });
  const splitterFor = (stream: 'stdout' | 'stderr') =>
    new LineSplitter((line, truncated) => {
      const split = params.timestamps ? splitTimestamp(line) : { timeMs: undefined, text: line };
      const text = truncated ? `${split.text} … [line cut: longer than ${MAX_LINE_CHARS / 1024} KiB]` : split.text;
      const entry: LogLine = split.timeMs === undefined ? { stream, text } : { stream, timeMs: split.timeMs, text };
      batcher.push(truncated ? { ...entry, truncated: true } : entry);
    });
  const stdout = splitterFor('stdout');
  const stderr = splitterFor('stderr');
  const tty = Boolean(info.Config?.Tty);
  const demux = new LogDemuxer((stream, payload) => (stream === 'stderr' ? stderr : stdout).push(payload));
  const onChunk = (chunk: Buffer) => (tty ? stdout.push(chunk) : demux.push(chunk));

  const options = { stdout: true, stderr: true, timestamps: params.timestamps, tail: params.tail };
  if (params.follow) {
    const stream = await engine.logsFollow(container, options, signal);
    // An empty batch says the stream is open: a container that prints nothing would otherwise look like it is still connecting.
    if (!signal.aborted) emit(EMPTY_LOG_BATCH);
    await pumpUntilDone(stream, signal, onChunk);
  } else onChunk(await engine.logsOnce(container, options, signal));
  if (signal.aborted) {
    batcher.discard();
    return;
  }
  stdout.end();
  stderr.end();
  batcher.flush();
}
