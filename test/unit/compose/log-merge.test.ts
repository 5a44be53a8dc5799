import { describe, expect, it } from 'vitest';
import { LogMerger, mergeByTime } from '../../../main/compose/log-merge';

describe('LogMerger', () => {
  it('holds lines for the window and releases them in timestamp order', () => {
    const m = new LogMerger<{ timeMs: number; t: string }>(100);
    m.push({ timeMs: 30, t: 'b3' }, 0);
    m.push({ timeMs: 10, t: 'a1' }, 20);
    m.push({ timeMs: 20, t: 'b2' }, 50);
    expect(m.drain(60)).toEqual([]);
    expect(m.drain(150).map((l) => l.t)).toEqual(['a1', 'b2', 'b3']);
    expect(m.size).toBe(0);
  });
  it('never steps back in time: older held lines leave with a ready newer one', () => {
    const m = new LogMerger<{ timeMs: number; t: string }>(100);
    m.push({ timeMs: 50, t: 'late-arrival-new' }, 0);
    m.push({ timeMs: 40, t: 'fresh-old' }, 90);
    m.push({ timeMs: 60, t: 'fresh-new' }, 90);
    expect(m.drain(100).map((l) => l.t)).toEqual(['fresh-old', 'late-arrival-new']);
    expect(m.drain(200).map((l) => l.t)).toEqual(['fresh-new']);
  });
  it('merges finished lists stably', () => {
    expect(mergeByTime([[{ timeMs: 1, s: 'a' }, { timeMs: 3, s: 'a' }], [{ timeMs: 1, s: 'b' }, { timeMs: 2, s: 'b' }]]).map((l) => `${l.timeMs}${l.s}`)).toEqual(['1a', '1b', '2b', '3a']);
  });
});

describe('stampToSince', () => {
  it('keeps the nanoseconds exact', async () => {
    const { stampToSince } = await import('../../../main/compose/compose-logs');
    expect(stampToSince('2026-12-02T18:00:01.123456789Z')).toBe(`${Date.parse('2026-12-02T18:00:01Z') / 1000}.123456789`);
    expect(stampToSince('2026-12-02T18:00:01Z')).toBe(`${Date.parse('2026-12-02T18:00:01Z') / 1000}.000000000`);
    expect(stampToSince('nope')).toBeNull();
  });
});
