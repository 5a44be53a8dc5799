import type { DiskUsage } from '../../shared/api/system';
import type { EngineConnection } from '../engine/connection';
import { readDiskUsage, uniqueImageBytes } from './disk-usage';

const STOPPED = new Set(['exited', 'created', 'dead']);

/** The disk view: what each kind of object takes and how much a clean-up could give back. */
export async function diskUsage(connection: EngineConnection): Promise<DiskUsage> {
  const df = await readDiskUsage(connection.client());
  const images = df.Images ?? [];
  const containers = df.Containers ?? [];
  const volumes = df.Volumes ?? [];
  const cache = df.BuildCache ?? [];
  const sum = (xs: number[]) => xs.reduce((a, b) => a + Math.max(0, b), 0);
  return {
    layersSizeBytes: df.LayersSize ?? sum(images.map((i) => uniqueImageBytes(i.Size, i.SharedSize))),
    images: {
      count: images.length,
      active: images.filter((i) => i.Containers > 0).length,
      sizeBytes: df.LayersSize ?? sum(images.map((i) => i.Size)),
      reclaimableBytes: sum(images.filter((i) => i.Containers === 0).map((i) => uniqueImageBytes(i.Size, i.SharedSize))),
    },
    containers: {
      count: containers.length,
      active: containers.filter((c) => !STOPPED.has(c.State)).length,
      sizeBytes: sum(containers.map((c) => c.SizeRw ?? 0)),
      reclaimableBytes: sum(containers.filter((c) => STOPPED.has(c.State)).map((c) => c.SizeRw ?? 0)),
    },
    volumes: {
      count: volumes.length,
      active: volumes.filter((v) => (v.UsageData?.RefCount ?? 0) > 0).length,
      sizeBytes: sum(volumes.map((v) => v.UsageData?.Size ?? 0)),
      reclaimableBytes: sum(volumes.filter((v) => (v.UsageData?.RefCount ?? 0) === 0).map((v) => v.UsageData?.Size ?? 0)),
    },
    buildCache: {
      count: cache.length,
      active: cache.filter((c) => c.InUse).length,
      sizeBytes: sum(cache.map((c) => c.Size)),
      reclaimableBytes: sum(cache.filter((c) => !c.InUse && !c.Shared).map((c) => c.Size)),
    },
  };
}
