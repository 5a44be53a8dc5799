import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';

/**
 * The Swarm endpoints of the Engine API, typed and with deadlines. Every call but the log stream ends
 * within `CALL_MS` (a Swarm manager that lost quorum answers nothing).
 */
const CALL_MS = 30_000;

const deadline = (signal?: AbortSignal): AbortSignal =>
  signal ? AbortSignal.any([signal, AbortSignal.timeout(CALL_MS)]) : AbortSignal.timeout(CALL_MS);

export interface EngineSwarmInfo {
  LocalNodeState?: string;
  NodeID?: string;
  ControlAvailable?: boolean;
  Nodes?: number;
  Managers?: number;
}

export type ServiceSpec = Dockerode.ServiceSpec & {
  TaskTemplate?: { ContainerSpec?: Dockerode.ContainerSpec & { Healthcheck?: Dockerode.HealthConfig } };
};

export interface EngineService {
  ID: string;
  Version: { Index: number };
  CreatedAt: string;
  UpdatedAt: string;
  Spec: ServiceSpec;
  PreviousSpec?: ServiceSpec;
  Endpoint?: { Ports?: { TargetPort?: number; PublishedPort?: number; PublishMode?: string; Protocol?: string }[] };
  UpdateStatus?: { State?: string; Message?: string };
  ServiceStatus?: { RunningTasks?: number; DesiredTasks?: number };
}

export interface EngineTask {
  ID: string;
  ServiceID: string;
  Slot?: number;
  NodeID?: string;
  DesiredState?: string;
  UpdatedAt?: string;
  CreatedAt?: string;
  Spec?: { ContainerSpec?: { Image?: string } };
  Status?: { State?: string; Message?: string; Err?: string; PortStatus?: { Ports?: { TargetPort?: number; PublishedPort?: number }[] } };
}

export interface EngineNode {
  ID: string;
  Description?: { Hostname?: string; Resources?: { NanoCPUs?: number; MemoryBytes?: number }; Engine?: { EngineVersion?: string } };
  Spec?: { Role?: string; Availability?: string };
  Status?: { State?: string; Addr?: string };
  ManagerStatus?: { Leader?: boolean };
}

export async function swarmInfo(docker: Dockerode, signal?: AbortSignal): Promise<EngineSwarmInfo> {
  // The typings omit info's options argument; dockerode passes `abortSignal` through (lib/docker.js).
  const info = (await (docker.info as unknown as (o: object) => Promise<{ Swarm?: EngineSwarmInfo }>).call(docker, { abortSignal: deadline(signal) }));
  return info.Swarm ?? {};
}

export async function swarmInit(docker: Dockerode, advertiseAddr: string): Promise<void> {
  await docker.swarmInit({ ListenAddr: '0.0.0.0:2377', AdvertiseAddr: advertiseAddr, abortSignal: deadline() });
}

export async function listServices(docker: Dockerode, signal?: AbortSignal): Promise<EngineService[]> {
  // `status=true` (API 1.41+) adds the running/desired task counts the list needs.
  return (await docker.listServices({ status: true, abortSignal: deadline(signal) } as Dockerode.ServiceListOptions)) as unknown as EngineService[];
}

export async function inspectService(docker: Dockerode, id: string, signal?: AbortSignal): Promise<EngineService> {
  return (await docker.getService(id).inspect({ abortSignal: deadline(signal) })) as EngineService;
}

export async function listTasks(docker: Dockerode, serviceId: string, signal?: AbortSignal): Promise<EngineTask[]> {
  return (await docker.listTasks({ filters: { service: [serviceId] }, abortSignal: deadline(signal) })) as EngineTask[];
}

export async function listNodes(docker: Dockerode, signal?: AbortSignal): Promise<EngineNode[]> {
  return (await docker.listNodes({ abortSignal: deadline(signal) })) as EngineNode[];
}

export async function createService(docker: Dockerode, spec: ServiceSpec): Promise<string> {
  const created = (await docker.createService({ ...spec, abortSignal: deadline() } as Dockerode.CreateServiceOptions)) as { id?: string; ID?: string };
  return created.ID ?? created.id ?? '';
}

/** Replaces the spec at `version` (the engine refuses a stale one); `rollback` asks for the previous spec instead. */
export async function updateService(docker: Dockerode, id: string, version: number, spec: ServiceSpec, rollback = false): Promise<void> {
  const query: Record<string, string | number> = { version };
  if (rollback) query.rollback = 'previous';
  await docker.getService(id).update({ _query: query, _body: spec, abortSignal: deadline() } as never);
}

export async function removeService(docker: Dockerode, id: string): Promise<void> {
  await docker.getService(id).remove({ abortSignal: deadline() } as object);
}

/** The service's logs across its tasks, multiplexed like a container's (services never have a TTY here). */
export async function serviceLogs(docker: Dockerode, id: string, tail: number, follow: boolean, signal: AbortSignal): Promise<Readable | Buffer> {
  const opts = { stdout: true, stderr: true, timestamps: true, details: true, tail, follow, abortSignal: signal };
  return (await docker.getService(id).logs(opts as Dockerode.ContainerLogsOptions)) as unknown as Readable | Buffer;
}
