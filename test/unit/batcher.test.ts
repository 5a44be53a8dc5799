import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Batcher } from '../../main/engine/batcher';

describe('Batcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('hands items on once per interval, and early at the item cap', () => {
    const batches: string[][] = [];
    const batcher = new Batcher<string>((items) => batches.push(items), 50, 3);
    batcher.push('a');
    batcher.push('b');
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(batches).toEqual([['a', 'b']]);
    for (const s of ['1', '2', '3', '4']) batcher.push(s);
    expect(batches.slice(1)).toEqual([['1', '2', '3']]);
    vi.advanceTimersByTime(50);
    expect(batches.slice(2)).toEqual([['4']]);
  });

  it('hands items on early once their weight reaches the cap', () => {
    const batches: string[][] = [];
    const batcher = new Batcher<string>((items) => batches.push(items), 50, 100, { weigh: (s) => s.length, max: 10 });
    batcher.push('xxxx');
    batcher.push('yyyy');
    expect(batches).toEqual([]);
    batcher.push('zz');
    expect(batches).toEqual([['xxxx', 'yyyy', 'zz']]);
    // The weight starts again after a flush.
    batcher.push('123456789');
    expect(batches).toHaveLength(1);
    vi.advanceTimersByTime(50);
    expect(batches.slice(1)).toEqual([['123456789']]);
  });

  it('discard drops what is pending and starts the weight again', () => {
    const batches: string[][] = [];
    const batcher = new Batcher<string>((items) => batches.push(items), 50, 100, { weigh: (s) => s.length, max: 10 });
    batcher.push('123456789');
    batcher.discard();
    batcher.push('12');
    vi.advanceTimersByTime(50);
    expect(batches).toEqual([['12']]);
  });
});
