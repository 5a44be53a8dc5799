import type Dockerode from 'dockerode';
import { PortholeError } from '../../shared/errors';
import type { PruneItem, PruneKind, PrunePreview, PruneResult } from '../../shared/api/system';
import type { EngineConnection } from '../engine/connection';
import { toApiError } from '../engine/errors';
import { matchesLabel, readDiskUsage, uniqueImageBytes } from './disk-usage';
import { HELPER_LABEL } from '../volumes/volume-browser';
import * as engine from '../engine/gateway';

export interface PruneScope {
  kind: PruneKind;
  allImages: boolean;
  label?: string;
}

interface Candidate extends PruneItem {
  /** Image tags to untag one by one (an image with several tags cannot be removed by id without force). */
  tags?: string[];
}

const STOPPED = ['exited', 'created', 'dead'];
const name = (names: string[] | undefined, id: string) => (names?.[0] ?? id).replace(/^\//, '');

/**
 * Clean-up that removes exactly what it showed: the preview lists candidates; the prune re-lists them
 * and removes only previewed ids that still qualify, one by one, reporting the rest as skipped. The
 * engine's own prune endpoints are never called blindly.
 */
export class PruneService {
  constructor(private readonly connection: EngineConnection) {}

  private get docker(): Dockerode {
    return this.connection.client();
  }

  async preview(scope: PruneScope): Promise<PrunePreview> {
    const items = (await this.candidates(scope)).map(({ tags: _tags, ...item }) => item);
    return { kind: scope.kind, items, totalBytes: items.reduce((a, i) => a + i.sizeBytes, 0) };
  }

  async prune(scope: PruneScope, ids: string[], confirmVolumes: boolean): Promise<PruneResult> {
    if (scope.kind === 'volumes' && !confirmVolumes) {
      throw new PortholeError('VALIDATION', 'Removing volumes deletes their data for good: confirm it separately (confirmVolumes).');
    }
    const eligible = new Map((await this.candidates(scope)).map((c) => [c.id, c]));
    const result: PruneResult = { kind: scope.kind, removed: [], skipped: [], reclaimedBytes: 0 };
    for (const id of new Set(ids)) {
      const item = eligible.get(id);
      if (!item) {
        result.skipped.push({ id, name: id, sizeBytes: 0, detail: '', reason: await this.whyNot(scope, id) });
        continue;
      }
      try {
        await this.removeOne(scope.kind, item);
        const { tags: _tags, ...plain } = item;
        result.removed.push(plain);
        result.reclaimedBytes += item.sizeBytes;
      } catch (error) {
        const { tags: _tags, ...plain } = item;
        result.skipped.push({ ...plain, reason: toApiError(error).message });
      }
    }
    return result;
  }

  private async candidates(scope: PruneScope): Promise<Candidate[]> {
    const label = scope.label ? [scope.label] : undefined;
    switch (scope.kind) {
      case 'containers': {
        const list = await this.docker.listContainers({ all: true, size: true, filters: { status: STOPPED, ...(label ? { label } : {}) } });
        return list
          .filter((c) => STOPPED.includes(c.State) && !c.Labels?.[HELPER_LABEL])
          .map((c) => ({ id: c.Id, name: name(c.Names, c.Id), sizeBytes: (c as { SizeRw?: number }).SizeRw ?? 0, detail: `${c.Status} · ${c.Image}` }));
      }
      case 'images': {
        const [images, containers] = await Promise.all([
          this.docker.listImages({ filters: { ...(scope.allImages ? {} : { dangling: ['true'] }), ...(label ? { label } : {}) } }),
          this.docker.listContainers({ all: true }),
        ]);
        const used = new Set(containers.map((c) => c.ImageID));
        return images
          .filter((i) => !used.has(i.Id))
          .map((i) => {
            const tags = (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>');
            return {
              id: i.Id,
              name: tags[0] ?? `<none> (${i.Id.replace(/^sha256:/, '').slice(0, 12)})`,
              sizeBytes: uniqueImageBytes(i.Size, i.SharedSize),
              detail: tags.length === 0 ? 'dangling: no tag' : `not used by any container${tags.length > 1 ? ` · ${tags.length} tags` : ''}`,
              tags,
            };
          });
      }
      case 'volumes': {
        const [volumes, df] = await Promise.all([this.docker.listVolumes({ filters: { dangling: ['true'], ...(label ? { label } : {}) } }), readDiskUsage(this.docker)]);
        const sizes = new Map((df.Volumes ?? []).map((v) => [v.Name, v.UsageData?.Size ?? 0]));
        return (volumes.Volumes ?? []).map((v) => ({ id: v.Name, name: v.Name, sizeBytes: Math.max(0, sizes.get(v.Name) ?? 0), detail: 'not used by any container' }));
      }
      case 'build-cache': {
        // Build cache records carry no labels: a labelled prune never touches them.
        if (scope.label) return [];
        const df = await readDiskUsage(this.docker);
        return (df.BuildCache ?? [])
          .filter((c) => !c.InUse)
          .map((c) => ({ id: c.ID, name: c.Description || c.Type, sizeBytes: c.Size, detail: `${c.Type}${c.Shared ? ' · shared' : ''}` }));
      }
    }
  }

  private async removeOne(kind: PruneKind, item: Candidate): Promise<void> {
    switch (kind) {
      case 'containers':
        // Anonymous volumes stay: volumes are only removed with their own confirmation.
        await this.docker.getContainer(item.id).remove({ v: false, force: false });
        return;
      case 'images':
        if (item.tags && item.tags.length > 0) for (const tag of item.tags) await this.docker.getImage(tag).remove({ force: false });
        else await this.docker.getImage(item.id).remove({ force: false });
        return;
      case 'volumes':
        await this.docker.getVolume(item.id).remove();
        return;
      case 'build-cache': {
        const res = await engine.pruneBuildCacheRecord(this.docker, item.id);
        if (!(res.CachesDeleted ?? []).includes(item.id)) throw new PortholeError('CONFLICT', 'The engine kept this cache record (it is in use or shared).');
        return;
      }
    }
  }

  /** Why a previewed id no longer qualifies, in words. */
  private async whyNot(scope: PruneScope, id: string): Promise<string> {
    try {
      if (scope.kind === 'containers') {
        const c = await this.docker.getContainer(id).inspect();
        if (c.Config.Labels?.[HELPER_LABEL]) return 'it is a Porthole helper in use';
        if (!matchesLabel(c.Config.Labels, scope.label)) return 'it does not carry the label this clean-up is limited to';
        return `it is ${c.State.Status} now (it changed after the preview)`;
      }
      if (scope.kind === 'images') {
        await this.docker.getImage(id).inspect();
        return 'a container uses it now, or it was tagged after the preview';
      }
      if (scope.kind === 'volumes') {
        await this.docker.getVolume(id).inspect();
        return 'a container uses it now';
      }
      return 'it is in use now or was already removed';
    } catch (error) {
      return toApiError(error).code === 'NOT_FOUND' ? 'it was already removed' : toApiError(error).message;
    }
  }
}
