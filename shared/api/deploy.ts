import { z } from 'zod';
import { boundedText, hostPath, port } from './common';
import type { BuildEvent } from './images';
import type { TransferProgress } from './registry';
import { composeDeployRunParams, type ComposeDeployPlan, type ComposeDeployResult } from './deploy-compose';

export const DEPLOY_RUNTIMES = ['node', 'python', 'ruby', 'go', 'static', 'dockerfile'] as const;
export type DeployRuntime = (typeof DEPLOY_RUNTIMES)[number];

/** The facts a plan states, each with where it came from ("file:field" or "default"). */
export const PLAN_FACTS = ['runtime', 'version', 'packageManager', 'install', 'build', 'start', 'workdir', 'port', 'env', 'name'] as const;
export type PlanFact = (typeof PLAN_FACTS)[number];

/** An image/container name: lower-case letters, digits, `.`, `_`, `-`, starting with a letter or digit. */
export const appName = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'may use lower-case letters, digits, _ . - and must start with a letter or digit');

/** A registry (host[:port], optionally with a path) that mirrors Docker Hub's official images. */
export const registryMirror = z
  .string()
  .max(255)
  .regex(/^[A-Za-z0-9.-]+(:\d{1,5})?(\/[a-z0-9._-]+)*$/, 'must look like HOST[:PORT] or HOST[:PORT]/PATH, e.g. mirror.example.com or 127.0.0.1:5000');

const envName = z.string().max(256).regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'is not a valid environment variable name');

/** What the user changed in the plan; detection re-runs with these applied. */
export const planOverrides = z
  .object({
    port: port.optional(),
    start: boundedText(4096).min(1).optional(),
    name: appName.optional(),
    env: z.array(envName).max(512).optional(),
  })
  .strict();
export type PlanOverrides = z.input<typeof planOverrides>;

/** The traps a rule of the planner looks for; each finding names the rule that made it. */
export const FINDING_RULES = ['version', 'entry', 'framework', 'bind-address', 'native-deps', 'command', 'data-path'] as const;
export type FindingRule = (typeof FINDING_RULES)[number];

/** One thing a rule found and what the plan does about it, with where it came from ("file:line" or a convention). */
export interface PlanFinding {
  rule: FindingRule;
  /** A sentence a person reads: what was found and what the plan does. */
  text: string;
  source: string;
  /** The line of code or config the fact was read from, trimmed. */
  snippet?: string;
  /** True when the plan could not fix it and the app may not work as deployed. */
  warning?: boolean;
}

/** A variable the app cannot start without: the deploy refuses until it has a value. */
export interface RequiredEnv {
  name: string;
  /** "server.js:4", or a framework convention ("Rails in production"). */
  source: string;
  snippet?: string;
  /** Where a value already comes from ('.env', or 'porthole' for PORT), or null when the user must give one. */
  providedBy: '.env' | 'porthole' | null;
}

export interface DeployPlan {
  /** One container built from the folder (a compose folder's plan is a ComposeDeployPlan). */
  kind?: 'app';
  /** The host folder the plan is for. */
  folder: string;
  runtime: DeployRuntime;
  version: string | null;
  packageManager: string | null;
  install: string | null;
  build: string | null;
  /** The start command as a person reads it (shell words). */
  start: string | null;
  /** The same command in exec form, as the Dockerfile's CMD says it. */
  startArgs: string[] | null;
  /** The directory inside the container the start command runs in. */
  workdir: string;
  /** The port the app listens on inside the container. */
  port: number | null;
  portConfidence: 'high' | 'medium' | 'low';
  /** Names of the environment variables the app reads or declares (never their values). */
  env: string[];
  name: string;
  dockerfile: string;
  /** The folder's own Dockerfile, or the name "Save Dockerfile to the folder" gives the generated one (a deploy keeps it in memory). */
  dockerfilePath: string;
  /** True when the folder's own Dockerfile is used as it is. */
  usesOwnDockerfile: boolean;
  /** The ignore rules a deploy builds with when the folder has no .dockerignore (null when it has one, which is used). */
  dockerignore: string | null;
  baseImage: string | null;
  /** Things the user should know: a compose file, ambiguities, secrets at risk. */
  notes: string[];
  sources: Record<PlanFact, string>;
  /** The line each fact was read from, where there is one (e.g. port: "app.listen(3000)"). */
  snippets: Partial<Record<PlanFact, string>>;
  /** What the planner's rules found (pinned versions, entry points, bind addresses, native dependencies…). */
  findings: PlanFinding[];
  /** Variables the app exits or throws without; a deploy needs a value for each one not provided. */
  requiredEnv: RequiredEnv[];
}

export const planInput = z
  .object({
    folder: hostPath,
    registryMirror: registryMirror.optional(),
    overrides: planOverrides.default({}),
  })
  .strict();

export const deployRunParams = z
  .object({
    kind: z.literal('app').optional(),
    folder: hostPath,
    name: appName,
    /** Container port the app listens on. */
    port,
    dockerfile: boundedText(256 * 1024).min(1),
    /** Ignore rules to build with when the folder has no .dockerignore (kept in memory: nothing is written). */
    dockerignore: boundedText(64 * 1024).nullable().default(null),
    /** Extra values set at run time (never written into the image); `.env` values are read at deploy time too. */
    env: z.record(envName, boundedText(32 * 1024)).default({}),
    /** Host port to publish on; default: the container port if free, else the next free one. */
    hostPort: port.optional(),
    probe: z.enum(['http', 'tcp']).default('http'),
    waitTimeoutMs: z.number().int().min(1000).max(15 * 60_000).default(60_000),
  })
  .strict();
export type DeployRunParams = z.input<typeof deployRunParams>;

/** Writes the plan's Dockerfile (as Dockerfile.porthole) and, if the folder has none, its .dockerignore into the folder. */
export const deploySaveFilesParams = z
  .object({
    folder: hostPath,
    dockerfile: boundedText(256 * 1024).min(1),
    /** The plan's ignore rules; written only when the folder has no .dockerignore. */
    dockerignore: boundedText(64 * 1024).nullable().default(null),
  })
  .strict();
export type DeploySaveFilesParams = z.input<typeof deploySaveFilesParams>;

/** What "Save Dockerfile to the folder" did: the files it wrote, and the ones it left as they were. */
export interface DeploySavedFiles {
  folder: string;
  written: string[];
  kept: string[];
}

export const deployInvokeSchemas = {
  /** Reads a folder and says how it would deploy it, with where each fact came from. */
  'deploy:plan': planInput,
  /** The recent deploys of one app (or of every app). */
  'deploy:history': z.object({ name: appName.optional() }).strict(),
  /** A deploy writes nothing into the folder; this saves its Dockerfile there, never overwriting a file (CONFLICT). */
  'deploy:save-files': deploySaveFilesParams,
};

export const deployStreamSchemas = {
  /** One container from the folder, or (`kind: 'compose'`) compose up of the folder's project. */
  'deploy:run': z.discriminatedUnion('kind', [deployRunParams, composeDeployRunParams]),
};

/** `pull` fetches the Dockerfile's missing base images before the build (skipped when they are all here). */
import { DEPLOY_STAGES, type DeployStage } from '../deploy-stages';
export { DEPLOY_STAGES, type DeployStage };

export interface DeployResult {
  url: string;
  container: string;
  containerId: string;
  image: string;
  imageId: string;
  hostPort: number;
  /** True when the host port differs from the container port because that one was taken. */
  portMoved: boolean;
  replaced: string | null;
}

/** Why a deploy failed, with what the container said when it crashed. */
export interface DeployFailureDetail {
  stage: DeployStage;
  exitCode?: number;
  logTail?: string[];
  output?: string;
}

export type DeployEvent =
  | { kind: 'stage'; stage: DeployStage; state: 'running' | 'done' | 'failed' | 'skipped'; atMs: number; elapsedMs?: number; message?: string }
  | { kind: 'build'; events: BuildEvent[] }
  /** A base image being pulled: the same per-layer snapshots as the `images:pull` stream. */
  | { kind: 'pull'; progress: TransferProgress }
  | { kind: 'log'; text: string }
  | { kind: 'done'; result: DeployResult }
  | { kind: 'compose-done'; result: ComposeDeployResult };

export interface DeployHistoryEntry {
  id: string;
  /** Set for a compose project's deploy; `app` is then the project name. */
  kind?: 'compose';
  app: string;
  folder: string;
  startedMs: number;
  finishedMs: number;
  result: 'succeeded' | 'failed' | 'cancelled';
  image: string | null;
  imageId: string | null;
  container: string | null;
  url: string | null;
  message?: string;
}

export interface DeployInvokeResults {
  'deploy:plan': DeployPlan | ComposeDeployPlan;
  'deploy:history': DeployHistoryEntry[];
  'deploy:save-files': DeploySavedFiles;
}

export interface DeployStreamEvents {
  'deploy:run': DeployEvent;
}
