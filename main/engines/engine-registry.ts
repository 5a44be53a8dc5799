import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import type { EngineEntry, EngineEntryStatus, EngineList, PendingHostKey } from '../../shared/api/engines';
import type { EngineStatus } from '../../shared/dto';
import { PortholeError } from '../../shared/errors';
import type { EngineConnection } from '../engine/connection';
import { discoverEngine, realDiscoveryEnv, type DiscoveryEnv, type DiscoveryResult } from '../engine/discovery';
import { ENGINE_DEADLINE_MS, engineCall } from '../engine/deadline';
import { writeFileAtomicSync } from '../lib/atomic-file';
import { ContextsStore } from './contexts-store';
import { catalogEngines, type EngineDefinition } from './engine-catalog';
import { endpointOptions, type SshTrust } from './endpoint-options';
import { explainEngineFailure } from './explain-failure';
import { KnownHosts, type HostKeyInfo } from './known-hosts';

export interface EngineRegistryOptions {
  contexts?: ContextsStore;
  knownHosts?: KnownHosts;
  /** Where the "engine to start with" setting lives (Porthole's data folder); null = not kept. */
  settingsFile?: string | null;
  /** Finds the engine when none was chosen (default: DOCKER_HOST, the CLI's context, the sockets). */
  discover?: () => DiscoveryResult;
  discoveryEnv?: () => DiscoveryEnv;
  ssh?: Pick<SshTrust, 'identityFiles' | 'agentSocket'>;
}

interface RegistryEvents {
  /** The engine in use changed: every stream of the old one must close. */
  switched: [{ from: string | null; to: string }];
}

/**
 * The engine registry (Podman Desktop's provider registry, docker-CLI flavoured): engine id → its
 * definition and status. The one EngineConnection the services use follows the current engine, so a
 * switch looks like a reconnect to everything downstream (the renderer re-lists on `connected`).
 */
export class EngineRegistry extends EventEmitter<RegistryEvents> {
  readonly contexts: ContextsStore;
  readonly knownHosts: KnownHosts;
  private connection: EngineConnection | null = null;
  /** The options (and so the ssh connection) of the engine in use, kept across reconnects to it. */
  private target: { key: string; options: Dockerode.DockerOptions } | null = null;
  private chosenId: string | null;
  private readonly refusedKeys = new Map<string, PendingHostKey & { info: HostKeyInfo }>();
  /** Recent probes of engines not in use, shared by the lists that the sidebar, the tray and a switch ask for at once. */
  private readonly recentProbes = new Map<string, { startedAt: number; status: Promise<EngineEntryStatus> }>();
  private readonly discoverFallback: () => DiscoveryResult;
  private readonly discoveryEnv: () => DiscoveryEnv;

  constructor(private readonly options: EngineRegistryOptions = {}) {
    super();
    this.contexts = options.contexts ?? new ContextsStore();
    this.knownHosts = options.knownHosts ?? new KnownHosts();
    this.discoveryEnv = options.discoveryEnv ?? realDiscoveryEnv;
    this.discoverFallback = options.discover ?? (() => discoverEngine(this.discoveryEnv()));
    this.chosenId = this.readStartWith();
  }

  /** Binds the connection the services use; its `discover` must be `() => registry.resolve()`. */
  attach(connection: EngineConnection): void {
    this.connection = connection;
  }

  definitions(): EngineDefinition[] {
    return catalogEngines(this.contexts, this.discoveryEnv());
  }

  /** The engine with this id; NOT_FOUND when there is none (any more). */
  definition(id: string): EngineDefinition {
    const found = this.definitions().find((d) => d.id === id);
    if (!found) throw new PortholeError('NOT_FOUND', `There is no engine "${id.slice(0, 200)}" (its context may have been removed).`);
    return found;
  }

  private sshTrust(): SshTrust {
    return {
      ...this.options.ssh,
      knownHosts: this.knownHosts,
      onRefusedKey: (host, port, info, verdict) => {
        if (verdict === 'changed') return; // a changed key is refused outright, never offered
        this.refusedKeys.set(`${host}:${port}`, { host, port, keyType: info.keyType, fingerprint: info.fingerprint, info });
      },
    };
  }

  dockerFor(def: EngineDefinition): Dockerode {
    return new Dockerode(endpointOptions({ host: def.endpoint, tlsDir: def.tlsDir, skipTlsVerify: def.skipTlsVerify }, this.sshTrust()));
  }

  /** The connection's discovery: the chosen engine, else what the docker CLI would pick. */
  resolve(): DiscoveryResult {
    const id = this.chosenId ?? this.autoContextId();
    if (!id) return this.discoverFallback();
    let def: EngineDefinition | undefined;
    try {
      def = this.definition(id);
      const options = this.targetOptions(def);
      return { target: { endpoint: def.endpoint, source: def.kind === 'context' ? `docker context "${def.name}"` : def.name, options }, tried: [def.endpoint] };
    } catch (error) {
      const why = error instanceof PortholeError ? error.message : `its address cannot be used: ${String((error as Error).message ?? error)}`;
      return { target: null, tried: def ? [def.endpoint] : [], problem: `The engine "${def?.name ?? id}" cannot be used: ${why}` };
    }
  }

  private targetOptions(def: EngineDefinition): Dockerode.DockerOptions {
    const key = `${def.id}\n${def.endpoint}\n${def.tlsDir ?? ''}\n${def.skipTlsVerify}`;
    if (this.target?.key === key) return this.target.options;
    closeAgent(this.target?.options);
    const options = endpointOptions({ host: def.endpoint, tlsDir: def.tlsDir, skipTlsVerify: def.skipTlsVerify }, this.sshTrust());
    this.target = { key, options };
    return options;
  }

  /** Without a choice, a non-default CLI context goes through the registry too (it knows the context's TLS folder and SSH trust). */
  private autoContextId(): string | null {
    if (this.options.discover || this.discoveryEnv().env.DOCKER_HOST) return null;
    const name = this.contexts.current(this.discoveryEnv().env);
    return name !== 'default' && this.contexts.find(name) ? `context:${name}` : null;
  }

  currentId(): string {
    const id = this.chosenId ?? this.autoContextId();
    if (id) return id;
    const endpoint = this.connection?.status.endpoint || this.discoverFallback().target?.endpoint;
    return this.definitions().find((d) => d.endpoint === endpoint)?.id ?? `socket:${endpoint?.replace(/^unix:\/\//, '') ?? ''}`;
  }

  async list(): Promise<EngineList> {
    const currentId = this.currentId();
    const connectionStatus = this.connection?.status;
    const engines = await Promise.all(
      this.definitions().map(async (def): Promise<EngineEntry> => {
        const isCurrent = def.id === currentId;
        const status = isCurrent && connectionStatus?.state === 'connected' ? fromConnection(connectionStatus) : await this.sharedProbe(def);
        const entry: EngineEntry = { id: def.id, name: def.name, kind: def.kind, endpoint: def.endpoint, cliCurrent: def.cliCurrent, current: isCurrent, tlsVerifyOff: def.skipTlsVerify, status };
        const key = status.state === 'unreachable' ? this.pendingKeyFor(def) : undefined;
        if (key) entry.hostKey = key;
        return entry;
      }),
    );
    return { engines, currentId, startWith: this.readStartWith() };
  }

  /**
   * A probe started less than PROBE_REUSE_MS ago (or still running) answers for this one: a switch makes the
   * switch's own list, the sidebar's and the tray's ask at the same moment, and each probe is a ping and a
   * version call competing with the new engine's first list.
   */
  private sharedProbe(def: EngineDefinition): Promise<EngineEntryStatus> {
    const key = probeKey(def);
    const recent = this.recentProbes.get(key);
    if (recent && Date.now() - recent.startedAt < PROBE_REUSE_MS) return recent.status;
    const status = this.probe(def);
    this.recentProbes.set(key, { startedAt: Date.now(), status });
    return status;
  }

  /** Pings one engine with the short deadline and says why it cannot be reached. */
  async probe(def: EngineDefinition): Promise<EngineEntryStatus> {
    let docker: Dockerode | null = null;
    try {
      docker = this.dockerFor(def);
      const d = docker;
      // Over ssh the first request pays the handshake and a remote `docker system dial-stdio`: seconds on a small machine.
      const ms = def.endpoint.startsWith('ssh://') ? SSH_SETUP_DEADLINE_MS : ENGINE_DEADLINE_MS.ping;
      await engineCall('the ping', ms, (abortSignal) => pingWith(d, abortSignal));
      // Podman's /version gathers host facts (1.5 s here): liveness is the ping's job, this gets room.
      const v = await engineCall('the version request', ENGINE_DEADLINE_MS.version, (abortSignal) => versionWith(d, abortSignal));
      closeAgent(docker.modem);
      return { state: 'connected', version: v.Version, apiVersion: v.ApiVersion };
    } catch (error) {
      closeAgent(docker?.modem);
      const explained = explainEngineFailure(error, def.endpoint);
      const key = this.pendingKeyFor(def);
      const reason = key ? `The SSH host key of ${key.host}:${key.port} (${key.keyType} ${key.fingerprint}) is not in known_hosts; accept it to connect.` : explained.message;
      return { state: 'unreachable', reason, code: explained.code };
    }
  }

  private pendingKeyFor(def: EngineDefinition): PendingHostKey | undefined {
    if (!def.endpoint.startsWith('ssh://')) return undefined;
    const url = new URL(def.endpoint);
    const pending = this.refusedKeys.get(`${url.hostname}:${url.port ? Number(url.port) : 22}`);
    if (!pending) return undefined;
    return { host: pending.host, port: pending.port, keyType: pending.keyType, fingerprint: pending.fingerprint };
  }

  /** Moves Porthole to another engine; resolves once the connection has an answer (connected or why not). */
  async switchTo(id: string, waitMs = 15_000): Promise<EngineList> {
    const def = this.definition(id);
    const from = this.chosenId;
    const left = this.currentId();
    const leftStatus = this.connection?.status;
    this.chosenId = id;
    // The lists that follow probe the other engines afresh (once, shared), except the one just left: its
    // connection answered a moment ago, and a probe now would compete with the new engine's first list.
    this.recentProbes.clear();
    const leftDef = left !== id && leftStatus?.state === 'connected' ? this.definitions().find((d) => d.id === left) : undefined;
    if (leftDef && leftStatus?.state === 'connected') this.recentProbes.set(probeKey(leftDef), { startedAt: Date.now(), status: Promise.resolve(fromConnection(leftStatus)) });
    const connection = this.connection;
    if (connection && def.endpoint.startsWith('ssh://')) {
      // Warm the engine's one ssh connection with the ssh deadline, so the connection's short ping finds it open.
      const options = this.targetOptions(def);
      await engineCall('the ssh set-up', SSH_SETUP_DEADLINE_MS, (abortSignal) => pingWith(new Dockerode(options), abortSignal)).catch(() => {});
    }
    if (connection) {
      const settled = waitForAnswer(connection, waitMs);
      this.emit('switched', { from, to: id });
      connection.retarget();
      await settled;
    }
    return this.list();
  }

  async trustHostKey(id: string, fingerprint: string): Promise<EngineList> {
    const def = this.definition(id);
    const url = new URL(def.endpoint);
    const key = `${url.hostname}:${url.port ? Number(url.port) : 22}`;
    const pending = this.refusedKeys.get(key);
    if (!pending || pending.fingerprint !== fingerprint) {
      throw new PortholeError('CONFLICT', `The host key of ${def.endpoint} is no longer ${fingerprint.slice(0, 80)}; list the engines again to see the key it offers now.`);
    }
    await this.knownHosts.add(pending.host, pending.port, pending.info);
    this.refusedKeys.delete(key);
    this.recentProbes.clear();
    if (id === this.currentId()) this.connection?.retarget();
    return this.list();
  }

  setStartWith(id: string | null): Promise<EngineList> {
    if (id) this.definition(id);
    const file = this.options.settingsFile;
    if (file) writeFileAtomicSync(file, JSON.stringify({ startWith: id }));
    return this.list();
  }

  private readStartWith(): string | null {
    const file = this.options.settingsFile;
    if (!file) return null;
    try {
      const value = (JSON.parse(readFileSync(file, 'utf8')) as { startWith?: unknown }).startWith;
      return typeof value === 'string' ? value : null;
    } catch {
      return null;
    }
  }
}

/** A probe's or a replaced target's agent (in dockerode options or its modem) holds an ssh connection or TLS sockets: close it. */
export function closeAgent(holder: unknown): void {
  (holder as { agent?: { destroy?: () => void } } | undefined)?.agent?.destroy?.();
}

export const SSH_SETUP_DEADLINE_MS = 15_000;
const PROBE_REUSE_MS = 2_000;
export const probeKey = (def: EngineDefinition): string => `${def.id}\n${def.endpoint}\n${def.tlsDir ?? ''}\n${def.skipTlsVerify}`;

const versionWith = (docker: Dockerode, abortSignal: AbortSignal): Promise<Dockerode.DockerVersion> =>
  (docker.version as unknown as (options: { abortSignal: AbortSignal }) => Promise<Dockerode.DockerVersion>).call(docker, { abortSignal });

/** dockerode's typings miss ping's options argument (its abortSignal). */
const pingWith = (docker: Dockerode, abortSignal: AbortSignal): Promise<unknown> =>
  (docker.ping as unknown as (options: { abortSignal: AbortSignal }) => Promise<unknown>).call(docker, { abortSignal });

export const engineSettingsFile = (dataFolder: string) => join(dataFolder, 'engines.json');

function fromConnection(status: Extract<EngineStatus, { state: 'connected' }>): EngineEntryStatus {
  return { state: 'connected', version: status.version, apiVersion: status.apiVersion };
}

function waitForAnswer(connection: EngineConnection, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      connection.off('status', onStatus);
      resolve();
    }
    function onStatus(s: EngineStatus) {
      if (s.state !== 'connecting') done();
    }
    connection.on('status', onStatus);
  });
}
