import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../shared/api/containers';
import { decodeLogBatch, encodeLogBatch, lineEnds, lineTimes } from '../../shared/log-batch';

describe('LogBatch, the wire form of log lines', () => {
  it('round-trips streams, stamps, a missing stamp, cut lines, empty lines and non-ASCII text', () => {
    const lines: LogLine[] = [
      { stream: 'stdout', timeMs: 1_764_789_012_345, text: 'first' },
      { stream: 'stderr', timeMs: 1_764_789_012_345, text: '' },
      { stream: 'stdout', text: 'no stamp 🐳' },
      { stream: 'stderr', timeMs: 1_764_789_013_000, text: 'cut … [line cut]', truncated: true },
      { stream: 'stdout', timeMs: 1_764_789_012_999, text: 'a clock that went back' },
    ];
    const batch = encodeLogBatch(lines);
    expect(batch).toEqual({
      text: 'first\n\nno stamp 🐳\ncut … [line cut]\na clock that went back',
      count: 5,
      stderr: [1, 3],
      truncated: [3],
      times: [1_764_789_012_345, 0, null, 655, -1],
    });
    expect(decodeLogBatch(JSON.parse(JSON.stringify(batch)))).toEqual(lines);
  });

  it('leaves out what no line has, and tells no line from one empty line', () => {
    expect(encodeLogBatch([])).toEqual({ text: '', count: 0 });
    expect(encodeLogBatch([{ stream: 'stdout', text: '' }])).toEqual({ text: '', count: 1 });
    expect(decodeLogBatch({ text: '', count: 0 })).toEqual([]);
    expect(decodeLogBatch({ text: '', count: 1 })).toEqual([{ stream: 'stdout', text: '' }]);
    expect(decodeLogBatch({ text: '\n', count: 2 })).toEqual([
      { stream: 'stdout', text: '' },
      { stream: 'stdout', text: '' },
    ]);
  });

  it('gives each line its end and its time', () => {
    const batch = encodeLogBatch([
      { stream: 'stdout', timeMs: 1000, text: 'ab' },
      { stream: 'stdout', text: 'cde' },
      { stream: 'stdout', timeMs: 1500, text: '' },
    ]);
    expect(lineEnds(batch)).toEqual([2, 6, 7]);
    expect(lineTimes(batch)).toEqual([1000, NaN, 1500]);
  });

  it('is smaller than an object per line for a typical batch', () => {
    const lines: LogLine[] = Array.from({ length: 1000 }, (_, i) => ({ stream: 'stdout', timeMs: 1_764_789_012_345 + (i >> 4), text: 'porthole log line with some words in it to be about eighty bytes long, ok' }));
    expect(JSON.stringify(encodeLogBatch(lines)).length).toBeLessThan(JSON.stringify(lines).length * 0.7);
  });
});
