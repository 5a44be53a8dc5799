import { describe, expect, it } from 'vitest';
import { LineSplitter, MAX_LINE_CHARS } from '../../../main/engine/log-demux';
import { mapBounded } from '../../../main/lib/bounded';

describe('a log line without a newline (defect 5)', () => {
  it('is capped and marked truncated, and the next line is whole', () => {
    const lines: { line: string; truncated: boolean }[] = [];
    const splitter = new LineSplitter((line, truncated) => lines.push({ line, truncated }));
    const chunk = Buffer.alloc(64 * 1024, 'x');
    for (let i = 0; i < 160; i++) splitter.push(chunk); // 10 MiB, no newline
    splitter.push(Buffer.from('\nnext line\n'));
    expect(lines).toHaveLength(2);
    expect(lines[0].line.length).toBe(MAX_LINE_CHARS);
    expect(lines[0].truncated).toBe(true);
    expect(lines[1]).toEqual({ line: 'next line', truncated: false });
  });

  it('costs linear time: 32 MiB without a newline is split in well under the time one quadratic pass would take', () => {
    // The old splitter re-scanned the whole pending text on every chunk: 2,048 chunks × up to 32 MiB.
    const splitter = new LineSplitter(() => {});
    const chunk = Buffer.alloc(16 * 1024, 'y');
    const started = performance.now();
    for (let i = 0; i < 2048; i++) splitter.push(chunk);
    splitter.end();
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('many short lines in one chunk come out in order', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((l) => lines.push(l));
    splitter.push(Buffer.from(Array.from({ length: 10_000 }, (_, i) => `line ${i}\r`).join('\n') + '\n'));
    expect(lines).toHaveLength(10_000);
    expect(lines[9_999]).toBe('line 9999');
  });
});

describe('mapBounded', () => {
  it('never runs more than the limit at once and keeps the order', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapBounded(
      Array.from({ length: 100 }, (_, i) => i),
      8,
      async (i) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, Math.random() * 3));
        running--;
        return i * 2;
      },
    );
    expect(peak).toBe(8);
    expect(out).toEqual(Array.from({ length: 100 }, (_, i) => i * 2));
    expect(await mapBounded([], 8, async () => 1)).toEqual([]);
  });
});
