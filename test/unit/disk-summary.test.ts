import { describe, expect, it } from 'vitest';
import { summarizeDiskUsage } from '../../main/system/disk-summary';

const image = (Id: string, Size: number, SharedSize: number, Containers: number) => ({ Id, RepoTags: [], Size, SharedSize, Containers, Created: 0, Labels: null });

describe('disk usage summed as docker system df does', () => {
  it('images: a layer shared only by unused images is reclaimable (LayersSize − unique bytes of the used ones)', () => {
    // A (used) and B (unused) share a 40-byte base; LayersSize counts it once: 60 + 20 + 40 = 120.
    const usage = summarizeDiskUsage({ LayersSize: 120, Images: [image('a', 100, 40, 1), image('b', 60, 40, 0)] });
    expect(usage.images).toEqual({ count: 2, active: 1, sizeBytes: 120, reclaimableBytes: 60 });
    // Nothing used: everything is reclaimable, the shared base included (the old sum of unique bytes said 80).
    expect(summarizeDiskUsage({ LayersSize: 120, Images: [image('a', 100, 40, 0), image('b', 60, 40, 0)] }).images.reclaimableBytes).toBe(120);
  });

  it('containers: only running and paused ones keep their writable layer', () => {
    const c = (State: string, SizeRw: number) => ({ Id: State, Names: [], SizeRw, State, Status: '', Labels: null, Image: 'x' });
    const usage = summarizeDiskUsage({ Containers: [c('running', 5), c('paused', 7), c('exited', 11), c('restarting', 13), c('created', 17)] });
    expect(usage.containers).toEqual({ count: 5, active: 2, sizeBytes: 53, reclaimableBytes: 41 });
  });

  it('build cache: shared records count in neither size nor reclaimable', () => {
    const r = (ID: string, Size: number, InUse: boolean, Shared: boolean) => ({ ID, Type: 'regular', Size, InUse, Shared });
    const usage = summarizeDiskUsage({ BuildCache: [r('a', 10, false, false), r('b', 20, true, false), r('c', 40, false, true)] });
    expect(usage.buildCache).toEqual({ count: 3, active: 1, sizeBytes: 30, reclaimableBytes: 10 });
  });
});
