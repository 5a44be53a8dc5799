import { z } from 'zod';
import { boundedText, engineRef, port } from './common';
import type { LogLine } from './containers';

/** Swarm mode of the current engine, as the engine reports it. */
export interface SwarmStatus {
  /** The engine's LocalNodeState. */
  state: 'inactive' | 'pending' | 'active' | 'error' | 'locked';
  /** Only a manager can deploy, scale and update services. */
  isManager: boolean;
  nodeId: string | null;
  nodes: number;
  managers: number;
}

export interface SwarmPort {
  target: number;
  published: number | null;
  /** `ingress`: every node answers on the port (routing mesh); `host`: only nodes that run a task of the service. */
  mode: 'ingress' | 'host';
  protocol: 'tcp' | 'udp' | 'sctp';
}

export interface SwarmUpdateStatus {
  state: 'updating' | 'paused' | 'completed' | 'rollback_started' | 'rollback_paused' | 'rollback_completed' | string;
  message: string;
}

export interface SwarmServiceSummary {
  id: string;
  name: string;
  image: string;
  replicasDesired: number;
  replicasRunning: number;
  ports: SwarmPort[];
  updateStatus: SwarmUpdateStatus | null;
  /** The spec before the last update exists: one-click rollback is possible. */
  canRollback: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface SwarmTask {
  id: string;
  serviceId: string;
  slot: number | null;
  nodeId: string;
  nodeName: string;
  state: string;
  desiredState: string;
  /** The engine's words for the current state, e.g. "started", "task: non-zero exit (1)". */
  message: string;
  error: string | null;
  image: string;
  updatedAt: string;
  /** Host-mode ports this task published on its node (where to reach this replica). */
  ports: { target: number; published: number }[];
}

export interface SwarmNode {
  id: string;
  hostname: string;
  role: 'manager' | 'worker';
  availability: 'active' | 'pause' | 'drain' | string;
  state: string;
  leader: boolean;
  cpus: number;
  memoryBytes: number;
  engineVersion: string;
  address: string;
}

const serviceName = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9-]*$/, 'must be letters, digits and dashes (a DNS label)');

const envEntry = z.object({ key: z.string().min(1).max(256).regex(/^[^=\s]+$/, 'has "=" or a space'), value: boundedText(32_768) });

export const swarmServiceSpecInput = z
  .object({
    name: serviceName,
    image: engineRef,
    replicas: z.number().int().min(0).max(100),
    ports: z.array(z.object({ target: port, published: port.optional(), mode: z.enum(['ingress', 'host']).default('ingress'), protocol: z.enum(['tcp', 'udp']).default('tcp') })).max(20).default([]),
    env: z.array(envEntry).max(200).default([]),
    command: z.array(boundedText(4096)).max(100).optional(),
    limits: z.object({ nanoCpus: z.number().int().min(0).max(1_000_000_000_000).optional(), memoryBytes: z.number().int().min(0).max(2 ** 50).optional() }).strict().default({}),
    healthcheck: z
      .object({ test: z.array(boundedText(4096)).min(1).max(50), intervalMs: z.number().int().min(100).max(3_600_000).default(5_000), retries: z.number().int().min(0).max(100).default(3) })
      .strict()
      .optional(),
    update: z
      .object({
        parallelism: z.number().int().min(0).max(100).default(1),
        delayMs: z.number().int().min(0).max(3_600_000).default(0),
        order: z.enum(['stop-first', 'start-first']).default('start-first'),
        failureAction: z.enum(['rollback', 'pause', 'continue']).default('rollback'),
        /** How long a new task must run before the update moves on (a task that dies within it counts as failed). */
        monitorMs: z.number().int().min(0).max(3_600_000).default(5_000),
      })
      .strict()
      .default({ parallelism: 1, delayMs: 0, order: 'start-first', failureAction: 'rollback', monitorMs: 5_000 }),
    labels: z.record(z.string().max(256), z.string().max(4096)).default({}),
  })
  .strict();
export type SwarmServiceSpecInput = z.input<typeof swarmServiceSpecInput>;
export type SwarmServiceSpec = z.output<typeof swarmServiceSpecInput>;

const serviceRef = z.object({ service: engineRef }).strict();

export const swarmInvokeSchemas = {
  'swarm:status': z.object({}).strict(),
  /** Turns this engine into a single-node Swarm (its manager). */
  'swarm:init': z.object({ advertiseAddr: z.string().max(256).regex(/^[A-Za-z0-9.:[\]-]+$/).optional() }).strict(),
  'swarm:services': z.object({}).strict(),
  'swarm:tasks': serviceRef,
  'swarm:nodes': z.object({}).strict(),
  'swarm:create': swarmServiceSpecInput,
  'swarm:scale': z.object({ service: engineRef, replicas: z.number().int().min(0).max(100) }).strict(),
  'swarm:rollback': serviceRef,
  'swarm:remove': serviceRef,
};

export type SwarmUpdateEvent = {
  service: string;
  updateStatus: SwarmUpdateStatus | null;
  /** Tasks the update concerns (desired running), newest first, with their image: task by task progress. */
  tasks: Pick<SwarmTask, 'id' | 'slot' | 'state' | 'image' | 'message' | 'error'>[];
  /** Tasks now running the target image / replicas desired. */
  done: number;
  total: number;
};

export const swarmStreamSchemas = {
  /** A rolling update to a new image; follows it task by task until it completes, pauses or rolls back. */
  'swarm:update': z.object({ service: engineRef, image: engineRef }).strict(),
  /** Logs merged across the service's tasks. */
  'swarm:logs': z.object({ service: engineRef, tail: z.number().int().min(0).max(50_000).default(500), follow: z.boolean().default(true) }).strict(),
};

export interface SwarmInvokeResults {
  'swarm:status': SwarmStatus;
  'swarm:init': SwarmStatus;
  'swarm:services': SwarmServiceSummary[];
  'swarm:tasks': SwarmTask[];
  'swarm:nodes': SwarmNode[];
  'swarm:create': { id: string; name: string };
  'swarm:scale': SwarmServiceSummary;
  'swarm:rollback': SwarmServiceSummary;
  'swarm:remove': { removed: string };
}

export interface SwarmStreamEvents {
  'swarm:update': SwarmUpdateEvent;
  'swarm:logs': (LogLine & { task: string })[];
}
