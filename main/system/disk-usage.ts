import type Dockerode from 'dockerode';

/** The parts of /system/df this app reads (API 1.41). */
export interface EngineDiskUsage {
  LayersSize?: number;
  Images?: { Id: string; RepoTags: string[] | null; Size: number; SharedSize: number; Containers: number; Created: number; Labels: Record<string, string> | null }[] | null;
  Containers?: { Id: string; Names: string[]; SizeRw?: number; State: string; Status: string; Labels: Record<string, string> | null; Image: string }[] | null;
  Volumes?: { Name: string; Labels: Record<string, string> | null; UsageData?: { Size: number; RefCount: number } | null }[] | null;
  BuildCache?: { ID: string; Type: string; Size: number; InUse: boolean; Shared: boolean; Description?: string; LastUsedAt?: string }[] | null;
}

const inFlight = new WeakMap<Dockerode, Promise<EngineDiskUsage>>();

const isDfBusy = (error: unknown): boolean => /disk usage operation is already running/i.test(String((error as { json?: { message?: string } })?.json?.message ?? (error as Error)?.message ?? ''));

/**
 * /system/df, shared by everyone who asks at the same time: the engine refuses a second one while one runs
 * ("a disk usage operation is already running"), so callers in this process share one request, and a
 * refusal caused by another client (the docker CLI, say) is retried with backoff for up to ~10 s.
 */
export function readDiskUsage(docker: Dockerode): Promise<EngineDiskUsage> {
  const running = inFlight.get(docker);
  if (running) return running;
  const request = (async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        return (await docker.df()) as EngineDiskUsage;
      } catch (error) {
        if (!isDfBusy(error) || attempt >= 14) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 1000)));
      }
    }
  })().finally(() => inFlight.delete(docker));
  inFlight.set(docker, request);
  return request;
}

/** "key" or "key=value" against a label map. */
export function matchesLabel(labels: Record<string, string> | null | undefined, filter: string | undefined): boolean {
  if (!filter) return true;
  const eq = filter.indexOf('=');
  const key = eq === -1 ? filter : filter.slice(0, eq);
  if (!labels || !(key in labels)) return false;
  return eq === -1 || labels[key] === filter.slice(eq + 1);
}

/** The bytes an image alone holds (what removing it frees), not counting layers shared with others. */
export const uniqueImageBytes = (size: number, shared: number): number => Math.max(0, size - Math.max(0, shared));
