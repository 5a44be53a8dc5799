import { z } from 'zod';
import { boundedText, hostPath, noInput } from './common';
import type { ComposeProjectView } from '../compose/group-projects';

/** compose's own rule for project names (v2): lowercase letters, digits, dashes and underscores. */
export const composeProjectName = z
  .string()
  .min(1, 'must not be empty')
  .max(128)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'may use lowercase letters, digits, - and _ and must start with a letter or digit');

export const serviceName = z.string().min(1).max(128).regex(/^[a-zA-Z0-9._-]+$/, 'is not a compose service name');

export const COMPOSE_ACTIONS = ['up', 'stop', 'start', 'restart', 'down', 'pull', 'build'] as const;
export type ComposeAction = (typeof COMPOSE_ACTIONS)[number];

export const composeInvokeSchemas = {
  'compose:projects': noInput,
  'compose:binary': noInput,
  /** A folder (its compose files, overrides and .env as compose reads them) or one compose file. */
  'compose:open': z.object({ path: hostPath, projectName: composeProjectName.optional() }).strict(),
  /** What `down` would remove, so the user confirms the named volumes separately. */
  'compose:down-preview': z.object({ project: composeProjectName }).strict(),
};

export const composeStreamSchemas = {
  'compose:run': z
    .object({
      action: z.enum(COMPOSE_ACTIONS),
      project: composeProjectName,
      /** The compose files, in order. Omitted: the ones the project's containers were created from. */
      files: z.array(hostPath).max(16).optional(),
      workingDir: hostPath.optional(),
      services: z.array(serviceName).max(256).default([]),
      /** `down -v`: only with `confirmVolumes` naming every volume that goes. */
      removeVolumes: z.boolean().default(false),
      confirmVolumes: z.array(boundedText(255)).max(1024).default([]),
    })
    .strict(),
  'compose:logs': z
    .object({
      project: composeProjectName,
      services: z.array(serviceName).max(256).default([]),
      tail: z.number().int().min(0).max(10_000).default(500),
      follow: z.boolean().default(true),
    })
    .strict(),
};

export type ComposeBinary =
  | { found: true; kind: 'plugin' | 'standalone'; command: string[]; version: string }
  | { found: false; message: string; install: string };

export interface ComposeProblem {
  file: string;
  line?: number;
  column?: number;
  /** Where in the document, e.g. "services.web.ports.0". */
  path: string;
  message: string;
}

export interface ComposePortPreview {
  hostIp?: string;
  hostPort?: number;
  containerPort: string;
  protocol: string;
  /** Something on this host already listens on hostPort. */
  taken: boolean;
}

export interface ComposeServicePreview {
  name: string;
  image?: string;
  build?: string;
  ports: ComposePortPreview[];
  volumes: string[];
  /** Environment variable names only: values may be secrets and are never sent. */
  envNames: string[];
  dependsOn: string[];
}

export interface ComposePreview {
  projectName: string;
  workingDir: string;
  /** The files compose reads, in merge order. */
  files: string[];
  envFile?: string;
  services: ComposeServicePreview[];
  volumes: string[];
  networks: string[];
  problems: ComposeProblem[];
}

export interface ComposeDownPreview {
  project: string;
  containers: string[];
  networks: string[];
  volumes: { name: string; mountedBy: string[] }[];
}

export type ComposeRunEvent =
  | { kind: 'started'; binary: string; version: string; args: string[] }
  | { kind: 'output'; text: string }
  | { kind: 'done'; exitCode: number; durationMs: number };

export interface ComposeLogLine {
  service: string;
  container: string;
  stream: 'stdout' | 'stderr';
  timeMs: number;
  text: string;
}

export interface ComposeInvokeResults {
  'compose:projects': ComposeProjectView[];
  'compose:binary': ComposeBinary;
  'compose:open': ComposePreview;
  'compose:down-preview': ComposeDownPreview;
}

export interface ComposeStreamEvents {
  'compose:run': ComposeRunEvent;
  'compose:logs': ComposeLogLine[];
}
