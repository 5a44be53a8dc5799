import type Dockerode from 'dockerode';

/** The parts of /system/df this app reads (API 1.41). */
export interface EngineDiskUsage {
  LayersSize?: number;
  Images?: { Id: string; RepoTags: string[] | null; Size: number; SharedSize: number; Containers: number; Created: number; Labels: Record<string, string> | null }[] | null;
  Containers?: { Id: string; Names: string[]; SizeRw?: number; State: string; Status: string; Labels: Record<string, string> | null; Image: string }[] | null;
  Volumes?: { Name: string; Labels: Record<string, string> | null; UsageData?: { Size: number; RefCount: number } | null }[] | null;
  BuildCache?: { ID: string; Type: string; Size: number; InUse: boolean; Shared: boolean; Description?: string; LastUsedAt?: string }[] | null;
}

export const readDiskUsage = async (docker: Dockerode): Promise<EngineDiskUsage> => (await docker.df()) as EngineDiskUsage;

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
