import { z } from 'zod';

/** An engine that is installed on this machine but not answering, and how Porthole can start it. */
export interface EngineCandidate {
  /** Stable id: "podman-service", "docker-system", "docker-rootless", "colima", "podman-machine", "docker-desktop", "orbstack". */
  id: string;
  name: string;
  /** What was found: the program or app path. */
  found: string;
  /** In plain words, what starting it does ("Runs `podman system service` while Porthole runs."). */
  startDescription: string;
  /**
   * `porthole`: Porthole can start it with the user's own rights (one click);
   * `admin`: it needs administrator rights — `command` is what the user runs, Porthole waits for the engine.
   */
  startBy: 'porthole' | 'admin';
  /** The command shown to the user (and, for `porthole`, the one it runs). */
  command: string;
}

export interface InstallHint {
  name: string;
  /** The exact install command where one exists (a package manager line), else null. */
  command: string | null;
  url: string;
}

export interface EngineSetupReport {
  os: 'linux' | 'darwin' | 'win32' | 'other';
  candidates: EngineCandidate[];
  /** Shown when no candidate was found: what to install for this OS. */
  install: InstallHint[];
  /** The candidate started automatically when Porthole starts, if the user chose one. */
  startOnLaunch: string | null;
  /** The id of an engine Porthole started and keeps running, if any. */
  runningByPorthole: string | null;
}

export type EngineStartEvent =
  | { kind: 'output'; line: string }
  | { kind: 'waiting'; message: string }
  | { kind: 'started'; candidateId: string; endpoint: string };

const candidateId = z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, 'is not an engine id');

export const engineSetupInvokeSchemas = {
  'engine-setup:report': z.object({}).strict(),
  'engine-setup:start-on-launch': z.object({ candidateId: candidateId.nullable() }).strict(),
};

export const engineSetupStreamSchemas = {
  /** Starts the candidate (or, for admin ones, waits for the user to start it); cancel = unsubscribe. */
  'engine-setup:start': z.object({ candidateId }).strict(),
};

export interface EngineSetupInvokeResults {
  'engine-setup:report': EngineSetupReport;
  'engine-setup:start-on-launch': EngineSetupReport;
}

export interface EngineSetupStreamEvents {
  'engine-setup:start': EngineStartEvent;
}
