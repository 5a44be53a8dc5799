import type Dockerode from 'dockerode';
import * as engine from '../engine/gateway';
import { PortholeError } from '../../shared/errors';
import type { VolumeDetail, VolumeSummary, VolumeUser } from '../../shared/api/volumes';
import type { EngineConnection } from '../engine/connection';
import type { AllContainers } from '../engine/all-containers';
import { listVolumeDir, readVolumeFile } from './volume-browser';
import { readDiskUsage } from '../system/disk-usage';

interface EngineVolume {
  Name: string;
  Driver: string;
  Mountpoint: string;
  CreatedAt?: string;
  Labels: Record<string, string> | null;
  Scope: string;
  Options?: Record<string, string> | null;
}

export class VolumeService {
  constructor(
    private readonly connection: EngineConnection,
    private readonly allContainers: AllContainers,
  ) {}

  private get docker(): Dockerode {
    return this.connection.client();
  }

  /** Which containers (any state) mount each volume, from one container list. */
  private async users(options: { fresh?: boolean } = {}): Promise<Map<string, VolumeUser[]>> {
    const containers = await this.allContainers.list(options);
    const byVolume = new Map<string, VolumeUser[]>();
    for (const c of containers) {
      for (const m of c.Mounts ?? []) {
        if (m.Type !== 'volume' || !m.Name) continue;
        const list = byVolume.get(m.Name) ?? [];
        list.push({ id: c.Id, name: (c.Names?.[0] ?? c.Id).replace(/^\//, ''), state: c.State, destination: m.Destination });
        byVolume.set(m.Name, list);
      }
    }
    return byVolume;
  }

  private summary(v: EngineVolume, users: Map<string, VolumeUser[]>): VolumeSummary {
    return {
      name: v.Name,
      driver: v.Driver,
      mountpoint: v.Mountpoint,
      createdMs: v.CreatedAt ? Date.parse(v.CreatedAt) : 0,
      labels: v.Labels ?? {},
      scope: v.Scope,
      usedBy: users.get(v.Name) ?? [],
    };
  }

  async list(): Promise<VolumeSummary[]> {
    const [result, users] = await Promise.all([this.docker.listVolumes(), this.users()]);
    return ((result.Volumes ?? []) as EngineVolume[]).map((v) => this.summary(v, users)).sort((a, b) => a.name.localeCompare(b.name));
  }

  async inspect(name: string): Promise<VolumeDetail> {
    const [v, users] = await Promise.all([this.docker.getVolume(name).inspect() as Promise<EngineVolume>, this.users()]);
    return { ...this.summary(v, users), options: v.Options ?? {}, raw: v };
  }

  async create(input: { name?: string; driver: string; labels?: Record<string, string> }): Promise<VolumeSummary> {
    if (input.name) {
      const exists = await this.docker.getVolume(input.name).inspect().then(() => true, () => false);
      if (exists) throw new PortholeError('CONFLICT', `A volume named ${input.name} already exists.`);
    }
    // dockerode resolves with a Volume handle, not the engine's answer: inspect for the details.
    const created = await engine.createVolume(this.docker, { Name: input.name, Driver: input.driver, Labels: input.labels ?? {} });
    return this.summary((await created.inspect()) as EngineVolume, new Map());
  }

  /** Refused while any container (running or not) uses it, naming them; the engine has the last word. */
  async remove(name: string): Promise<{ name: string }> {
    await this.docker.getVolume(name).inspect();
    const users = (await this.users({ fresh: true })).get(name) ?? [];
    if (users.length > 0) {
      const names = users.map((u) => `${u.name} (${u.state})`).join(', ');
      throw new PortholeError('CONFLICT', `The volume ${name} is used by ${users.length === 1 ? 'the container' : `${users.length} containers:`} ${names}. Remove ${users.length === 1 ? 'that container' : 'those containers'} first.`, { usedBy: users });
    }
    await this.docker.getVolume(name).remove();
    return { name };
  }

  /** Sizes from the engine's disk-usage report (slow on big volumes, so only on demand). */
  async sizes(): Promise<Record<string, number>> {
    const df = await readDiskUsage(this.docker);
    return Object.fromEntries((df.Volumes ?? []).map((v) => [v.Name, v.UsageData?.Size ?? -1]));
  }

  async browse(name: string, path: string) {
    await this.docker.getVolume(name).inspect();
    return listVolumeDir(this.docker, name, path);
  }

  async download(name: string, path: string) {
    await this.docker.getVolume(name).inspect();
    return readVolumeFile(this.docker, name, path);
  }
}
