import { describe, expect, it } from 'vitest';
import { LOG_BUFFER_CAP, LogBuffer, splitMatches } from '../../../renderer/src/features/containers/logs/log-buffer';
import type { LogLine } from '../../../shared/api/containers';
import { encodeLogBatch } from '../../../shared/log-batch';

const appendLines = (buffer: LogBuffer, lines: LogLine[]) => buffer.append(encodeLogBatch(lines));

const lines = (from: number, to: number, stream: LogLine['stream'] = 'stdout'): LogLine[] =>
  Array.from({ length: to - from }, (_, i) => ({ stream, text: `line ${from + i}` }));

describe('LogBuffer', () => {
  it('keeps at most the cap and counts what fell off the top', () => {
    const buffer = new LogBuffer(1000);
    for (let i = 0; i < 200; i++) appendLines(buffer, lines(i * 1000, (i + 1) * 1000));
    expect(buffer.length).toBe(1000);
    expect(buffer.dropped).toBe(199_000);
    expect(buffer.at(0)?.text).toBe('line 199000');
    expect(buffer.at(999)?.text).toBe('line 199999');
  });

  it('takes only the newest lines of a batch larger than the cap', () => {
    const buffer = new LogBuffer(10);
    appendLines(buffer, lines(0, 5));
    appendLines(buffer, lines(5, 30));
    expect(buffer.length).toBe(10);
    expect(buffer.dropped).toBe(20);
    expect(buffer.at(0)?.text).toBe('line 20');
  });

  it('reads the same window before and after it cuts away what fell off the top', () => {
    const buffer = new LogBuffer(10);
    appendLines(buffer, lines(0, 10));
    // 3 fall off: fewer than half the cap, so nothing is cut yet.
    appendLines(buffer, lines(10, 13));
    expect(buffer.length).toBe(10);
    expect(buffer.at(0)?.text).toBe('line 3');
    expect(buffer.at(9)?.text).toBe('line 12');
    expect(buffer.at(10)).toBeUndefined();
    expect(buffer.at(-1)).toBeUndefined();
    expect(buffer.search('line 3')).toEqual([0]);
    expect(buffer.toText(false).split('\n')[0]).toBe('line 3');
    // 3 more: 6 gone, past half the cap, so the cut happens; the window reads the same.
    appendLines(buffer, lines(13, 16));
    expect(buffer.dropped).toBe(6);
    expect(buffer.at(0)?.text).toBe('line 6');
    expect(buffer.at(9)?.text).toBe('line 15');
    expect(buffer.search('line 15')).toEqual([9]);
    expect(buffer.toText(false)).toBe(`${lines(6, 16).map((l) => l.text).join('\n')}\n`);
  });

  it('defaults to a 50,000-line cap', () => {
    expect(LOG_BUFFER_CAP).toBe(50_000);
    const buffer = new LogBuffer();
    appendLines(buffer, lines(0, 200_000));
    expect(buffer.length).toBe(50_000);
    expect(buffer.at(49_999)?.text).toBe('line 199999');
  });

  it('bumps its version on every change so a view knows to re-render', () => {
    const buffer = new LogBuffer(5);
    const before = buffer.version;
    appendLines(buffer, lines(0, 1));
    appendLines(buffer, []);
    expect(buffer.version).toBe(before + 1);
    buffer.clear();
    expect(buffer.length).toBe(0);
    expect(buffer.version).toBe(before + 2);
  });

  it('finds lines case-insensitively, by index in the kept window', () => {
    const buffer = new LogBuffer(100);
    appendLines(buffer, lines(0, 150));
    appendLines(buffer, [{ stream: 'stderr', text: 'ERROR: disk full' }]);
    expect(buffer.search('line 149')).toEqual([98]);
    // Lines 0–50 fell off the top (line 50 is gone); lines 120–129 sit at 69–78.
    expect(buffer.search('line 50')).toEqual([]);
    expect(buffer.search('LINE 12')).toEqual([69, 70, 71, 72, 73, 74, 75, 76, 77, 78]);
    expect(buffer.search('error')).toEqual([99]);
    expect(buffer.search('')).toEqual([]);
  });

  it('writes the window out as docker logs would, with or without timestamps', () => {
    const buffer = new LogBuffer(10);
    appendLines(buffer, [{ stream: 'stdout', timeMs: Date.UTC(2024, 0, 2, 3, 4, 5, 678), text: 'hello' }, { stream: 'stderr', text: 'no stamp' }]);
    expect(buffer.toText(true)).toBe('2024-01-02T03:04:05.678Z hello\nno stamp\n');
    expect(buffer.toText(false)).toBe('hello\nno stamp\n');
  });
});

describe('LogBuffer keeps lines as joined batches', () => {
  it('reads back every field of every line, across batches of any size', () => {
    const buffer = new LogBuffer(100);
    const sent: LogLine[] = [
      { stream: 'stdout', timeMs: 1_700_000_000_123, text: 'first' },
      { stream: 'stderr', text: '' },
      { stream: 'stderr', timeMs: 1_700_000_000_456, text: 'cut short …', truncated: true },
    ];
    appendLines(buffer, sent);
    // A slow printer: one line at a time, merged into the last batch.
    for (let i = 0; i < 40; i++) appendLines(buffer, [{ stream: i % 2 ? 'stderr' : 'stdout', text: `slow ${i}` }]);
    appendLines(buffer, lines(0, 700));
    expect(buffer.length).toBe(100);
    expect(buffer.dropped).toBe(643);
    expect(buffer.at(0)?.text).toBe('line 600');
    const fresh = new LogBuffer(1000);
    appendLines(fresh, sent);
    for (let i = 0; i < 40; i++) appendLines(fresh, [{ stream: i % 2 ? 'stderr' : 'stdout', text: `slow ${i}` }]);
    expect([0, 1, 2].map((i) => fresh.at(i))).toEqual(sent);
    expect(fresh.at(3)).toEqual({ stream: 'stdout', text: 'slow 0' });
    expect(fresh.at(42)).toEqual({ stream: 'stderr', text: 'slow 39' });
    expect(fresh.at(43)).toBeUndefined();
  });

  it('does not count a match that runs across two lines, and finds several lines in one batch', () => {
    const buffer = new LogBuffer(100);
    appendLines(buffer, [
      { stream: 'stdout', text: 'abc' },
      { stream: 'stdout', text: 'def abc' },
      { stream: 'stdout', text: 'xyz' },
    ]);
    expect(buffer.search('c\nd')).toEqual([]);
    expect(buffer.search('cd')).toEqual([]);
    expect(buffer.search('abc')).toEqual([0, 1]);
    expect(buffer.search('ABC')).toEqual([0, 1]);
    expect(buffer.search('z')).toEqual([2]);
    // A line merged into the same batch after a search is found by the next one.
    appendLines(buffer, [{ stream: 'stdout', text: 'abc again' }]);
    expect(buffer.search('abc')).toEqual([0, 1, 3]);
  });

  it('searches line by line where lower case changes a text length (İ)', () => {
    const buffer = new LogBuffer(100);
    appendLines(buffer, [
      { stream: 'stdout', text: 'İstanbul' },
      { stream: 'stdout', text: 'plain' },
      { stream: 'stdout', text: 'ankara' },
    ]);
    expect(buffer.search('ankara')).toEqual([2]);
    expect(buffer.search('plain')).toEqual([1]);
  });
});

describe('splitMatches', () => {
  it('splits around every case-insensitive match', () => {
    expect(splitMatches('Error: an error', 'error')).toEqual([
      { text: 'Error', match: true },
      { text: ': an ', match: false },
      { text: 'error', match: true },
    ]);
  });
  it('returns the text whole without a query or a match', () => {
    expect(splitMatches('abc', '')).toEqual([{ text: 'abc', match: false }]);
    expect(splitMatches('abc', 'x')).toEqual([{ text: 'abc', match: false }]);
  });
});
