import type { DeployRuntime, PlanFact } from '../../shared/api/deploy';

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
}

export const DEFAULT = 'default';
