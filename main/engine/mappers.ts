import type Dockerode from 'dockerode';
import type { ContainerDetail, ContainerNetwork, ContainerSummary, EngineInfo, ImageSummary, PortBinding } from '../../shared/dto';

const COMPOSE_PROJECT = 'com.docker.compose.project';

export const shortId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);

const toMount = (m: { Type: string; Name?: string; Source: string; Destination: string; RW: boolean }): ContainerSummary['mounts'][number] => ({
  type: m.Type,
  name: m.Name || undefined,
  source: m.Source,
  destination: m.Destination,
  rw: m.RW,
});

export function toContainerSummary(c: Dockerode.ContainerInfo): ContainerSummary {
  const labels = c.Labels ?? {};
  const summary: ContainerSummary = {
    id: c.Id,
    name: (c.Names?.[0] ?? c.Id).replace(/^\//, ''),
    image: c.Image,
    imageId: c.ImageID,
    command: c.Command,
    createdMs: c.Created * 1000,
    state: c.State,
    status: c.Status,
    ports: (c.Ports ?? []).map(
      (p): PortBinding => ({
        privatePort: p.PrivatePort,
        publicPort: p.PublicPort || undefined,
        hostIp: p.IP || undefined,
        type: p.Type,
      }),
    ),
    labels,
    mounts: (c.Mounts ?? []).map(toMount),
  };
  if (labels[COMPOSE_PROJECT]) summary.composeProject = labels[COMPOSE_PROJECT];
  return summary;
}

const parseTime = (value: string | undefined): number | undefined => {
  if (!value || value.startsWith('0001-')) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
};

export function portsFromInspect(ports: Record<string, { HostIp: string; HostPort: string }[] | null> | undefined): PortBinding[] {
  const out: PortBinding[] = [];
  for (const [key, bindings] of Object.entries(ports ?? {})) {
    const [privatePort, type = 'tcp'] = key.split('/');
    if (!bindings || bindings.length === 0) {
      out.push({ privatePort: Number(privatePort), type });
      continue;
    }
    for (const b of bindings) {
      out.push({ privatePort: Number(privatePort), publicPort: Number(b.HostPort) || undefined, hostIp: b.HostIp || undefined, type });
    }
  }
  return out;
}

/** The engine's default when a container sets no `StopTimeout` (`docker stop` without `-t`). */
export const ENGINE_STOP_TIMEOUT_S = 10;
export const stopTimeoutOf = (c: Dockerode.ContainerInspectInfo): number => (c.Config as { StopTimeout?: number } | undefined)?.StopTimeout ?? ENGINE_STOP_TIMEOUT_S;

type EndpointInfo = { IPAddress?: string; IPPrefixLen?: number; Gateway?: string; MacAddress?: string; GlobalIPv6Address?: string; Aliases?: string[] | null };

/** `docker inspect`'s NetworkSettings.Networks, one entry per network, by name. */
export const networksOf = (c: Dockerode.ContainerInspectInfo): ContainerNetwork[] =>
  Object.entries((c.NetworkSettings?.Networks ?? {}) as Record<string, EndpointInfo>)
    .map(([name, n]) => ({
      name,
      ipAddress: n.IPAddress ?? '',
      prefixLength: n.IPPrefixLen ?? 0,
      gateway: n.Gateway ?? '',
      macAddress: n.MacAddress ?? '',
      ipv6Address: n.GlobalIPv6Address ?? '',
      aliases: n.Aliases ?? [],
    }))
    .sort((a, b) => a.name.localeCompare(b.name));

export function toContainerDetail(c: Dockerode.ContainerInspectInfo): ContainerDetail {
  const labels = c.Config?.Labels ?? {};
  const detail: ContainerDetail = {
    id: c.Id,
    name: c.Name.replace(/^\//, ''),
    image: c.Config?.Image ?? c.Image,
    imageId: c.Image,
    command: [c.Path, ...(c.Args ?? [])].join(' '),
    createdMs: Date.parse(c.Created),
    state: c.State?.Status ?? 'unknown',
    status: c.State?.Status ?? 'unknown',
    ports: portsFromInspect(c.NetworkSettings?.Ports as Record<string, { HostIp: string; HostPort: string }[] | null>),
    labels,
    mounts: (c.Mounts ?? []).map(toMount),
    startedAtMs: parseTime(c.State?.StartedAt),
    finishedAtMs: parseTime(c.State?.FinishedAt),
    exitCode: c.State?.ExitCode,
    tty: Boolean(c.Config?.Tty),
    env: c.Config?.Env ?? [],
    cmd: (c.Config?.Cmd as string[] | undefined) ?? [],
    entrypoint: (typeof c.Config?.Entrypoint === 'string' ? [c.Config.Entrypoint] : (c.Config?.Entrypoint as string[] | undefined)) ?? [],
    workingDir: c.Config?.WorkingDir ?? '',
    restartPolicy: c.HostConfig?.RestartPolicy?.Name || 'no',
    stopTimeoutS: stopTimeoutOf(c),
    networks: networksOf(c),
    raw: c,
  };
  if (labels['com.docker.compose.project']) detail.composeProject = labels['com.docker.compose.project'];
  return detail;
}

export function toImageSummary(i: Dockerode.ImageInfo): ImageSummary {
  const tags = (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>');
  return {
    id: i.Id,
    tags,
    digests: (i.RepoDigests ?? []).filter((d) => d !== '<none>@<none>'),
    sizeBytes: i.Size,
    createdMs: i.Created * 1000,
    containers: typeof i.Containers === 'number' ? i.Containers : -1,
    labels: i.Labels ?? {},
  };
}

interface RawInfo {
  ServerVersion: string;
  OperatingSystem: string;
  OSType: string;
  Architecture: string;
  KernelVersion: string;
  NCPU: number;
  MemTotal: number;
  Containers: number;
  ContainersRunning: number;
  ContainersPaused: number;
  ContainersStopped: number;
  Images: number;
  Swarm?: { LocalNodeState?: string };
}

export function toEngineInfo(info: RawInfo, apiVersion: string, endpoint: string, source: string): EngineInfo {
  return {
    version: info.ServerVersion,
    apiVersion,
    os: info.OperatingSystem,
    osType: info.OSType,
    arch: info.Architecture,
    kernelVersion: info.KernelVersion,
    cpus: info.NCPU,
    memoryBytes: info.MemTotal,
    containers: {
      total: info.Containers,
      running: info.ContainersRunning,
      paused: info.ContainersPaused,
      stopped: info.ContainersStopped,
    },
    images: info.Images,
    endpoint,
    source,
    swarm: info.Swarm?.LocalNodeState ?? 'inactive',
  };
}
