/** Data that crosses the bridge. Plain JSON: no Dates, no Buffers, no class instances. */

export interface EngineInfo {
  version: string;
  apiVersion: string;
  os: string;
  osType: string;
  arch: string;
  kernelVersion: string;
  cpus: number;
  memoryBytes: number;
  containers: { total: number; running: number; paused: number; stopped: number };
  images: number;
  endpoint: string;
  source: string;
  swarm: 'inactive' | 'pending' | 'active' | 'error' | 'locked' | string;
}

export type EngineStatus =
  | { state: 'connecting'; endpoint: string; source: string }
  | { state: 'connected'; endpoint: string; source: string; version: string; apiVersion: string }
  | {
      state: 'unavailable';
      endpoint: string;
      source: string;
      reason: string;
      /** Every place discovery looked, in order, so the UI can say where it looked. */
      tried: string[];
      retryInMs: number;
    };

export type EngineObjectType =
  | 'container'
  | 'image'
  | 'volume'
  | 'network'
  | 'daemon'
  | 'plugin'
  | 'service'
  | 'node'
  | 'secret'
  | 'config'
  | 'builder'
  | string;

/** One engine event, normalised across API versions (`Action`/`Actor.ID` and the older `status`/`id`). */
export interface EngineEvent {
  type: EngineObjectType;
  action: string;
  id: string;
  attributes: Record<string, string>;
  /** Nanoseconds since the epoch as a decimal string (exact), and milliseconds as a number. */
  timeNano: string;
  timeMs: number;
  scope?: string;
}

export interface PortBinding {
  privatePort: number;
  publicPort?: number;
  hostIp?: string;
  type: 'tcp' | 'udp' | 'sctp' | string;
}

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface ContainerSummary {
  id: string;
  name: string;
  image: string;
  imageId: string;
  command: string;
  createdMs: number;
  state: ContainerState | string;
  /** The engine's human status, e.g. "Up 3 minutes" or "Exited (137) 2 seconds ago". */
  status: string;
  ports: PortBinding[];
  labels: Record<string, string>;
  /** The compose project this container belongs to, when it has the label. */
  composeProject?: string;
  mounts: { type: string; name?: string; source: string; destination: string; rw: boolean }[];
}

export interface ContainerNetwork {
  name: string;
  ipAddress: string;
  /** e.g. 16 for a /16 subnet; 0 when unknown. */
  prefixLength: number;
  gateway: string;
  macAddress: string;
  ipv6Address: string;
  aliases: string[];
}

export interface ContainerDetail extends ContainerSummary {
  startedAtMs?: number;
  finishedAtMs?: number;
  exitCode?: number;
  tty: boolean;
  env: string[];
  cmd: string[];
  entrypoint: string[];
  workingDir: string;
  restartPolicy: string;
  /** Seconds between the stop signal and the engine's kill. */
  stopTimeoutS: number;
  /** The networks it is attached to, with its addresses on each (empty strings where the engine has none). */
  networks: ContainerNetwork[];
  /** The engine's full inspect document, for the raw view. */
  raw: unknown;
}

export interface ImageSummary {
  id: string;
  /** repo:tag names; empty for a dangling image (shown as `<none>`). */
  tags: string[];
  digests: string[];
  sizeBytes: number;
  createdMs: number;
  /** How many containers (any state) use this image; -1 when the engine did not say. */
  containers: number;
  labels: Record<string, string>;
}
