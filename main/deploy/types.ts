import type { DeployRuntime, PlanFact, PlanFinding, RequiredEnv } from '../../shared/api/deploy';
import type { NativeDeps } from './rules/native-deps';

/** What one runtime detector found; the generator turns it into a Dockerfile. */
export interface Detection {
  runtime: DeployRuntime;
  version: string | null;
  packageManager: string | null;
  /** Shell command run after copying `manifests` (dependencies only), or null when there is nothing to install. */
  install: string | null;
  /** Shell command run after copying the source, or null. */
  build: string | null;
  /** Shell command run after `build` to drop build-only dependencies, or null. */
  prune?: string | null;
  start: string[] | null;
  port: number | null;
  portConfidence: 'high' | 'medium' | 'low';
  /** Files copied before `install`, so the dependency layer is cached while only code changes. */
  manifests: string[];
  /** Runtime-specific Dockerfile lines that set up the tools `install` needs (e.g. corepack). */
  setup?: string[];
  /** Environment for the image (never secrets): e.g. NODE_ENV=production. */
  imageEnv?: Record<string, string>;
  sources: Partial<Record<PlanFact, string>>;
  notes: string[];
  /** Go: the package to build. Static: the folder that holds index.html. */
  target?: string;
  /** Whether the start command reads $PORT (then PORT is set at run time); false means the port is fixed in code. */
  readsPortEnv?: boolean;
  /** The line of code or config a fact was read from (e.g. the port's `app.listen(3000)`). */
  snippets?: Partial<Record<PlanFact, string>>;
  /** What the runtime's rules found (pins, entry points, frameworks, commands). */
  findings?: PlanFinding[];
  /** Variables a framework cannot run without in production, even when no file names them. */
  requiredEnv?: RequiredEnv[];
  /** Variables a framework reads in production, listed with the app's own. */
  conventionEnv?: string[];
  /** Packages that compile at install: the Dockerfile gets a build stage. */
  native?: NativeDeps | null;
  /** Directories the app's user must be able to write (created and chowned in the image). */
  writableDirs?: string[];
  /** Directories kept on a volume across redeploys. */
  volumes?: string[];
}

export const DEFAULT = 'default';
