import { z } from 'zod';
import { hostPath } from './common';
import { composeProjectName, serviceName, type ComposeProblem, type ComposeServicePreview } from './compose';

/** A folder whose app is a compose project: it deploys with `compose up`, then waits for the entry service's port. */
export interface ComposeDeployPlan {
  kind: 'compose';
  /** The host folder the plan is for. */
  folder: string;
  /** The compose project name (what the deploy history lists the app under). */
  name: string;
  /** The compose files, in merge order. */
  files: string[];
  /** Whether the folder's .env is read for interpolation, as compose reads it. */
  envFile: boolean;
  /** Env values are never sent: each service lists the names only. */
  services: ComposeServicePreview[];
  /** The service whose published port answers when the app is up; null when none publishes one. */
  entryService: string | null;
  entryPort: number | null;
  problems: ComposeProblem[];
  notes: string[];
}

export const composeDeployRunParams = z
  .object({
    kind: z.literal('compose'),
    folder: hostPath,
    project: composeProjectName,
    /** The service whose published host port is checked; absent: none, the deploy ends when compose has started everything. */
    entryService: serviceName.optional(),
    probe: z.enum(['http', 'tcp']).default('http'),
    waitTimeoutMs: z.number().int().min(1000).max(15 * 60_000).default(60_000),
  })
  .strict();
export type ComposeDeployRunParams = z.input<typeof composeDeployRunParams>;

export interface ComposeDeployResult {
  project: string;
  folder: string;
  services: string[];
  entryService: string | null;
  /** Where the entry service answers; null when no service publishes a port. */
  url: string | null;
  /** The entry service's container. */
  container: string | null;
}

/** The entry point by default: the first service that publishes a host port. */
export function defaultEntry(services: ComposeServicePreview[]): ComposeServicePreview | null {
  return services.find((s) => s.ports.some((p) => p.hostPort)) ?? null;
}

/** A published host port of a service, or null. */
export const publishedPort = (s: ComposeServicePreview | null | undefined): number | null => s?.ports.find((p) => p.hostPort)?.hostPort ?? null;
