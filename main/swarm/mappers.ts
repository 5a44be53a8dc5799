import type { SwarmNode, SwarmPort, SwarmServiceSpec, SwarmServiceSummary, SwarmStatus, SwarmTask } from '../../shared/api/swarm';
import type { EngineNode, EngineService, EngineSwarmInfo, EngineTask, ServiceSpec } from '../engine/swarm-api';

const NS_PER_MS = 1_000_000;

export function toSwarmStatus(info: EngineSwarmInfo): SwarmStatus {
  const state = (info.LocalNodeState || 'inactive') as SwarmStatus['state'];
  return {
    state,
    isManager: Boolean(info.ControlAvailable),
    nodeId: info.NodeID || null,
    nodes: info.Nodes ?? 0,
    managers: info.Managers ?? 0,
  };
}

function toPorts(service: EngineService): SwarmPort[] {
  return (service.Endpoint?.Ports ?? []).map((p) => ({
    target: p.TargetPort ?? 0,
    published: p.PublishedPort ?? null,
    mode: p.PublishMode === 'host' ? 'host' : 'ingress',
    protocol: (p.Protocol as SwarmPort['protocol']) ?? 'tcp',
  }));
}

/** The image as the user named it: the engine appends `@sha256:…` when it could resolve a digest. */
export const imageOf = (spec: ServiceSpec | undefined): string => (spec?.TaskTemplate?.ContainerSpec?.Image ?? '').replace(/@sha256:[0-9a-f]+$/, '');

export function toServiceSummary(service: EngineService): SwarmServiceSummary {
  return {
    id: service.ID,
    name: service.Spec.Name ?? service.ID,
    image: imageOf(service.Spec),
    replicasDesired: service.ServiceStatus?.DesiredTasks ?? service.Spec.Mode?.Replicated?.Replicas ?? 0,
    replicasRunning: service.ServiceStatus?.RunningTasks ?? 0,
    ports: toPorts(service),
    updateStatus: service.UpdateStatus?.State ? { state: service.UpdateStatus.State, message: service.UpdateStatus.Message ?? '' } : null,
    canRollback: Boolean(service.PreviousSpec),
    createdAt: service.CreatedAt,
    updatedAt: service.UpdatedAt,
  };
}

export function toTask(task: EngineTask, nodeNames: Map<string, string>): SwarmTask {
  return {
    id: task.ID,
    serviceId: task.ServiceID,
    slot: task.Slot ?? null,
    nodeId: task.NodeID ?? '',
    nodeName: (task.NodeID && nodeNames.get(task.NodeID)) || task.NodeID || '',
    state: task.Status?.State ?? 'unknown',
    desiredState: task.DesiredState ?? 'unknown',
    message: task.Status?.Message ?? '',
    error: task.Status?.Err || null,
    image: (task.Spec?.ContainerSpec?.Image ?? '').replace(/@sha256:[0-9a-f]+$/, ''),
    updatedAt: task.UpdatedAt ?? task.CreatedAt ?? '',
    ports: (task.Status?.PortStatus?.Ports ?? []).map((p) => ({ target: p.TargetPort ?? 0, published: p.PublishedPort ?? 0 })),
  };
}

export function toNode(node: EngineNode): SwarmNode {
  return {
    id: node.ID,
    hostname: node.Description?.Hostname ?? node.ID,
    role: node.Spec?.Role === 'manager' ? 'manager' : 'worker',
    availability: node.Spec?.Availability ?? 'unknown',
    state: node.Status?.State ?? 'unknown',
    leader: Boolean(node.ManagerStatus?.Leader),
    cpus: (node.Description?.Resources?.NanoCPUs ?? 0) / 1e9,
    memoryBytes: node.Description?.Resources?.MemoryBytes ?? 0,
    engineVersion: node.Description?.Engine?.EngineVersion ?? '',
    address: node.Status?.Addr ?? '',
  };
}

/** The Engine API's service spec for what the user asked, the way `docker service create` builds it. */
export function toServiceSpec(input: SwarmServiceSpec): ServiceSpec {
  const { update } = input;
  const containerSpec: NonNullable<NonNullable<ServiceSpec['TaskTemplate']>['ContainerSpec']> & { Healthcheck?: object } = {
    Image: input.image,
    Env: input.env.map((e) => `${e.key}=${e.value}`),
    Labels: input.labels,
  };
  if (input.command?.length) containerSpec.Args = input.command;
  if (input.healthcheck) {
    containerSpec.Healthcheck = { Test: input.healthcheck.test, Interval: input.healthcheck.intervalMs * NS_PER_MS, Retries: input.healthcheck.retries };
  }
  const limits: { NanoCPUs?: number; MemoryBytes?: number } = {};
  if (input.limits.nanoCpus) limits.NanoCPUs = input.limits.nanoCpus;
  if (input.limits.memoryBytes) limits.MemoryBytes = input.limits.memoryBytes;
  return {
    Name: input.name,
    Labels: input.labels,
    TaskTemplate: {
      ContainerSpec: containerSpec,
      Resources: { Limits: limits },
      RestartPolicy: { Condition: 'any', Delay: 1_000 * NS_PER_MS },
    },
    Mode: { Replicated: { Replicas: input.replicas } },
    UpdateConfig: {
      Parallelism: update.parallelism,
      Delay: update.delayMs * NS_PER_MS,
      Order: update.order,
      FailureAction: update.failureAction,
      Monitor: update.monitorMs * NS_PER_MS,
    },
    RollbackConfig: { Parallelism: update.parallelism, Order: update.order, FailureAction: 'pause', Monitor: update.monitorMs * NS_PER_MS },
    EndpointSpec: {
      Ports: input.ports.map((p) => ({ TargetPort: p.target, PublishedPort: p.published, PublishMode: p.mode, Protocol: p.protocol })),
    },
  } as ServiceSpec;
}
