import type Dockerode from 'dockerode';
import { PortholeError } from '../../shared/errors';
import type { ImageSummary } from '../../shared/dto';
import type { ImageDetail } from '../../shared/api/images';
import type { EngineConnection } from '../engine/connection';
import { toImageSummary } from '../engine/mappers';
import type { AllContainers } from '../engine/all-containers';

export class ImageService {
  constructor(
    private readonly connection: EngineConnection,
    private readonly allContainers: AllContainers,
  ) {}

  private get docker(): Dockerode {
    return this.connection.client();
  }

  /** Images with how many containers use each (counted from one container list, not per image). */
  async list(): Promise<ImageSummary[]> {
    const [images, containers] = await Promise.all([this.docker.listImages({ all: false }), this.allContainers.list()]);
    const uses = new Map<string, number>();
    for (const c of containers) uses.set(c.ImageID, (uses.get(c.ImageID) ?? 0) + 1);
    return images.map((i) => ({ ...toImageSummary(i), containers: uses.get(i.Id) ?? 0 }));
  }

  async usedBy(imageId: string, options: { fresh?: boolean } = {}): Promise<ImageDetail['usedBy']> {
    const containers = await this.allContainers.list(options);
    return containers
      .filter((c) => c.ImageID === imageId)
      .map((c) => ({ id: c.Id, name: (c.Names?.[0] ?? c.Id).replace(/^\//, ''), state: c.State }));
  }

  async inspect(id: string): Promise<ImageDetail> {
    const i = await this.docker.getImage(id).inspect();
    const config = (i.Config ?? {}) as Dockerode.ImageInspectInfo['Config'];
    return {
      id: i.Id,
      tags: (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>'),
      sizeBytes: i.Size,
      createdMs: Date.parse(i.Created),
      exposedPorts: Object.keys(config.ExposedPorts ?? {}).map((key) => {
        const [port, protocol = 'tcp'] = key.split('/');
        return { port: Number(port), protocol };
      }),
      env: config.Env ?? [],
      cmd: (config.Cmd as string[] | null) ?? [],
      entrypoint: (typeof config.Entrypoint === 'string' ? [config.Entrypoint] : (config.Entrypoint as string[] | null)) ?? [],
      workingDir: config.WorkingDir ?? '',
      labels: config.Labels ?? {},
      usedBy: await this.usedBy(i.Id),
    };
  }

  /** Refuses an image in use unless forced, naming the containers; the engine has the last word. */
  async remove(id: string, force: boolean): Promise<{ removed: string[] }> {
    const image = await this.docker.getImage(id).inspect();
    // A tag of an image that has other tags is only untagged (`docker rmi repo:tag`): containers keep their image.
    const tags = image.RepoTags ?? [];
    const untagOnly = tags.length > 1 && tags.some((t) => t === id || t === `${id}:latest`);
    const users = untagOnly ? [] : await this.usedBy(image.Id, { fresh: true });
    if (users.length > 0 && !force) {
      const names = users.map((u) => `${u.name} (${u.state})`).join(', ');
      throw new PortholeError('CONFLICT', `This image is used by ${users.length === 1 ? 'the container' : `${users.length} containers:`} ${names}. Remove ${users.length === 1 ? 'it' : 'them'} first, or force the removal.`, { usedBy: users });
    }
    const result = (await this.docker.getImage(id).remove({ force })) as { Untagged?: string; Deleted?: string }[];
    return { removed: result.map((r) => r.Deleted ?? r.Untagged ?? '').filter(Boolean) };
  }
}
