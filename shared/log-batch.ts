import type { LogBatch, LogLine } from './api/containers';

/** Encoding and decoding of `LogBatch`, the wire form of log lines. */

export const EMPTY_LOG_BATCH: LogBatch = { text: '', count: 0 };

export function encodeLogBatch(lines: readonly LogLine[]): LogBatch {
  const batch: LogBatch = { text: lines.map((l) => l.text).join('\n'), count: lines.length };
  const stderr: number[] = [];
  const truncated: number[] = [];
  const times: (number | null)[] = [];
  let stamped = false;
  let previous = 0;
  lines.forEach((line, i) => {
    if (line.stream === 'stderr') stderr.push(i);
    if (line.truncated) truncated.push(i);
    if (line.timeMs === undefined) times.push(null);
    else {
      stamped = true;
      times.push(line.timeMs - previous);
      previous = line.timeMs;
    }
  });
  if (stderr.length > 0) batch.stderr = stderr;
  if (truncated.length > 0) batch.truncated = truncated;
  if (stamped) batch.times = times;
  return batch;
}

/** Where each line of `batch.text` ends (one past its last character). */
export function lineEnds(batch: LogBatch): number[] {
  const ends = new Array<number>(batch.count);
  let from = 0;
  for (let i = 0; i < batch.count; i++) {
    const newline = i === batch.count - 1 ? -1 : batch.text.indexOf('\n', from);
    ends[i] = newline === -1 ? batch.text.length : newline;
    from = ends[i] + 1;
  }
  return ends;
}

/** Each line's time in ms since the epoch, NaN where it had none. */
export function lineTimes(batch: LogBatch): number[] {
  const out = new Array<number>(batch.count).fill(NaN);
  if (!batch.times) return out;
  let previous = 0;
  for (let i = 0; i < batch.count; i++) {
    const delta = batch.times[i];
    if (delta === null || delta === undefined) continue;
    previous += delta;
    out[i] = previous;
  }
  return out;
}

export function decodeLogBatch(batch: LogBatch): LogLine[] {
  const ends = lineEnds(batch);
  const times = lineTimes(batch);
  const stderr = new Set(batch.stderr);
  const truncated = new Set(batch.truncated);
  return ends.map((end, i) => {
    const line: LogLine = { stream: stderr.has(i) ? 'stderr' : 'stdout', text: batch.text.slice(i === 0 ? 0 : ends[i - 1] + 1, end) };
    if (!Number.isNaN(times[i])) line.timeMs = times[i];
    if (truncated.has(i)) line.truncated = true;
    return line;
  });
}
