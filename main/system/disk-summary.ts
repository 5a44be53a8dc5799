import type { DiskUsage } from '../../shared/api/system';
import type { EngineDiskUsage } from './disk-usage';

const sum = (xs: number[]) => xs.reduce((a, b) => a + Math.max(0, b), 0);
/** The docker CLI counts a container's writable layer as in use only while it runs or is paused. */
const IN_USE_STATES = new Set(['running', 'paused']);

/**
 * /system/df summed exactly as `docker system df` does (docker/cli formatter/disk_usage.go), so the Disk view
 * and the CLI print the same figures:
 * - images: size = LayersSize; reclaimable = LayersSize − Σ(Size − SharedSize) of the images some container uses
 *   (a layer shared only by unused images is reclaimable too);
 * - containers: reclaimable = the writable layers of those not running or paused;
 * - volumes: reclaimable = the volumes no container references;
 * - build cache: size and reclaimable count only records that are not shared; reclaimable ones are not in use.
 */
export function summarizeDiskUsage(df: EngineDiskUsage): DiskUsage {
  const images = df.Images ?? [];
  const containers = df.Containers ?? [];
  const volumes = df.Volumes ?? [];
  const cache = df.BuildCache ?? [];
  const layers = df.LayersSize ?? sum(images.map((i) => i.Size - Math.max(0, i.SharedSize)));
  const imagesUsed = sum(images.filter((i) => i.Containers > 0 && i.Size !== -1 && i.SharedSize !== -1).map((i) => i.Size - i.SharedSize));
  const ownCache = cache.filter((c) => !c.Shared);
  return {
    layersSizeBytes: layers,
    images: {
      count: images.length,
      active: images.filter((i) => i.Containers > 0).length,
      sizeBytes: layers,
      reclaimableBytes: Math.max(0, layers - imagesUsed),
    },
    containers: {
      count: containers.length,
      active: containers.filter((c) => IN_USE_STATES.has(c.State)).length,
      sizeBytes: sum(containers.map((c) => c.SizeRw ?? 0)),
      reclaimableBytes: sum(containers.filter((c) => !IN_USE_STATES.has(c.State)).map((c) => c.SizeRw ?? 0)),
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
      sizeBytes: sum(ownCache.map((c) => c.Size)),
      reclaimableBytes: sum(ownCache.filter((c) => !c.InUse).map((c) => c.Size)),
    },
  };
}
