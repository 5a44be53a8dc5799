import Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { readDiskUsage } from '../../main/system/disk-usage';

describe('readDiskUsage (/system/df)', () => {
  it('shares one request between callers in this process', async () => {
    const docker = new Dockerode();
    const [a, b] = await Promise.all([readDiskUsage(docker), readDiskUsage(docker)]);
    expect(a).toBe(b);
    expect(Array.isArray(a.Images)).toBe(true);
  });

  it('waits out a disk-usage run another client started, instead of failing', async () => {
    const other = new Dockerode();
    const mine = new Dockerode();
    const results = await Promise.allSettled([other.df(), readDiskUsage(mine), other.df().catch(() => null), readDiskUsage(mine)]);
    expect(results[1].status).toBe('fulfilled');
    expect(results[3].status).toBe('fulfilled');
  });
});
