import type Dockerode from 'dockerode';
import { PortholeError } from '../../shared/errors';
import type { NetworkSummary } from '../../shared/api/networks';
import type { EngineConnection } from '../engine/connection';
import type { AllContainers } from '../engine/all-containers';

const BUILT_IN = new Set(['bridge', 'host', 'none']);

export class NetworkService {
  constructor(
    private readonly connection: EngineConnection,
    private readonly allContainers: AllContainers,
  ) {}

  private get docker(): Dockerode {
    return this.connection.client();
  }

  /** Networks with their attached containers, from one network list and one container list. */
  async list(): Promise<NetworkSummary[]> {
    const [networks, containers] = await Promise.all([this.docker.listNetworks(), this.allContainers.list()]);
    const attached = new Map<string, NetworkSummary['containers']>();
    for (const c of containers) {
      for (const n of Object.values(c.NetworkSettings?.Networks ?? {})) {
        if (!n.NetworkID) continue;
        const list = attached.get(n.NetworkID) ?? [];
        list.push({ id: c.Id, name: (c.Names?.[0] ?? c.Id).replace(/^\//, ''), state: c.State, ipv4: n.IPAddress ?? '' });
        attached.set(n.NetworkID, list);
      }
    }
    return networks.map((n) => this.summary(n, attached.get(n.Id) ?? [])).sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name));
  }

  private summary(n: Dockerode.NetworkInspectInfo, containers: NetworkSummary['containers']): NetworkSummary {
    const configs = n.IPAM?.Config ?? [];
    return {
      id: n.Id,
      name: n.Name,
      driver: n.Driver,
      scope: n.Scope,
      internal: Boolean(n.Internal),
      subnets: configs.map((c) => c.Subnet).filter((s): s is string => Boolean(s)),
      gateways: configs.map((c) => c.Gateway).filter((g): g is string => Boolean(g)),
      createdMs: n.Created ? Date.parse(n.Created) : 0,
      labels: n.Labels ?? {},
      builtIn: BUILT_IN.has(n.Name),
      containers,
    };
  }

  async create(input: { name: string; subnet?: string; internal: boolean; labels?: Record<string, string> }): Promise<NetworkSummary> {
    const existing = await this.docker.listNetworks({ filters: { name: [input.name] } });
    if (existing.some((n) => n.Name === input.name)) throw new PortholeError('CONFLICT', `A network named ${input.name} already exists.`);
    const network = await this.docker.createNetwork({
      Name: input.name,
      Driver: 'bridge',
      Internal: input.internal,
      CheckDuplicate: true,
      Labels: input.labels ?? {},
      ...(input.subnet ? { IPAM: { Driver: 'default', Config: [{ Subnet: input.subnet }] } } : {}),
    });
    return this.summary((await network.inspect()) as Dockerode.NetworkInspectInfo, []);
  }

  async remove(id: string): Promise<{ id: string }> {
    const n = (await this.docker.getNetwork(id).inspect()) as Dockerode.NetworkInspectInfo;
    if (BUILT_IN.has(n.Name)) throw new PortholeError('CONFLICT', `${n.Name} is one of the engine's own networks and cannot be removed.`);
    const users = (await this.list()).find((x) => x.id === n.Id)?.containers ?? [];
    if (users.length > 0) {
      throw new PortholeError('CONFLICT', `The network ${n.Name} still has ${users.map((u) => u.name).join(', ')} attached. Disconnect ${users.length === 1 ? 'it' : 'them'} first.`, { containers: users });
    }
    await this.docker.getNetwork(id).remove();
    return { id: n.Id };
  }

  async connect(id: string, container: string): Promise<{ id: string; container: string }> {
    await this.docker.getNetwork(id).connect({ Container: container });
    return { id, container };
  }

  async disconnect(id: string, container: string, force: boolean): Promise<{ id: string; container: string }> {
    await this.docker.getNetwork(id).disconnect({ Container: container, Force: force });
    return { id, container };
  }
}
