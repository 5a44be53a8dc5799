import type { DiskUsage } from '../../shared/api/system';
import type { EngineConnection } from '../engine/connection';
import { readDiskUsage } from './disk-usage';
import { summarizeDiskUsage } from './disk-summary';

/** The disk view: what each kind of object takes and how much a clean-up could give back, as `docker system df` says. */
export async function diskUsage(connection: EngineConnection): Promise<DiskUsage> {
  return summarizeDiskUsage(await readDiskUsage(connection.client()));
}
