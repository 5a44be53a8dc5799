import type Dockerode from 'dockerode';
import type { AllEnginesContainers, EngineContainer, EngineContainersEvent, EngineListing } from '../../shared/api/engine-containers';
import { PortholeError } from '../../shared/errors';
import type { EngineConnection } from '../engine/connection';
import { ENGINE_DEADLINE_MS } from '../engine/deadline';
import { normaliseEvent } from '../engine/event-normaliser';
import * as engine from '../engine/gateway';
import { JsonLinesParser } from '../engine/json-lines';
import { toContainerSummary } from '../engine/mappers';
import { pumpUntilDone } from '../lib/stream-util';
import { ContainerService } from '../containers/container-service';
import type { EngineDefinition } from './engine-catalog';
import { closeAgent, probeKey, SSH_SETUP_DEADLINE_MS, type EngineRegistry } from './engine-registry';
import { explainEngineFailure } from './explain-failure';

interface PooledClient {
  docker: Dockerode;
  users: number;
}

/**
 * One dockerode client per engine for the side-by-side Containers list. The engine in use answers through
 * the existing connection; every other engine gets its own client (same endpoint options and TLS/SSH trust
 * as a switch would use), opened by its first user and closed with its last, so nothing stays connected
 * once nobody watches the list. Every call has the gateway's deadlines; nothing polls.
 */
export class EnginePool {
  private readonly clients = new Map<string, PooledClient>();

  constructor(
    private readonly registry: EngineRegistry,
    private readonly connection: Pick<EngineConnection, 'client' | 'status'>,
  ) {}

  /** Runs `work` with the engine's client; NOT_FOUND for an engine id Porthole does not know. */
  async use<T>(id: string, work: (docker: Dockerode, def: EngineDefinition) => Promise<T>): Promise<T> {
    const def = this.registry.definition(id);
    if (id === this.registry.currentId()) return work(this.connection.client(), def);
    const key = probeKey(def);
    let pooled = this.clients.get(key);
    if (!pooled) {
      pooled = { docker: this.registry.dockerFor(def), users: 0 };
      this.clients.set(key, pooled);
    }
    pooled.users++;
    try {
      return await work(pooled.docker, def);
    } finally {
      if (--pooled.users === 0) {
        this.clients.delete(key);
        closeAgent(pooled.docker.modem);
      }
    }
  }

  /** The container service of one engine (the engine in use: the usual one). */
  containersOn<T>(id: string, work: (service: ContainerService) => Promise<T>): Promise<T> {
    return this.use(id, (docker) => work(new ContainerService({ client: () => docker })));
  }

  /** How many engines have a client of their own now (0 once nobody watches: the tests check that). */
  openClients(): number {
    return this.clients.size;
  }

  /** Every engine's containers, listed in parallel; an engine that cannot answer is reported with its reason. */
  async listAll(all: boolean, engineIds?: string[]): Promise<AllEnginesContainers> {
    const defs = engineIds ? engineIds.map((id) => this.registry.definition(id)) : this.registry.definitions();
    const currentId = this.registry.currentId();
    const answers = await Promise.all(defs.map((def) => this.listOne(def, all, def.id === currentId)));
    return { engines: answers.map((a) => a.listing), containers: answers.flatMap((a) => a.containers) };
  }

  private async listOne(def: EngineDefinition, all: boolean, current: boolean): Promise<{ listing: EngineListing; containers: EngineContainer[] }> {
    const named = { id: def.id, name: def.name, current };
    try {
      const raw = await this.use(def.id, async (docker) => {
        // A short ping first tells a stalled engine apart in seconds, not after the list's own deadline.
        if (!(current && this.connection.status.state === 'connected')) await reach(docker, def);
        return engine.listContainers(docker, { all });
      });
      const containers = raw.map((c) => ({ ...toContainerSummary(c), engineId: def.id, engineName: def.name }));
      return { listing: { ...named, state: 'listed', count: containers.length }, containers };
    } catch (error) {
      const why = explainEngineFailure(error, def.endpoint);
      return { listing: { ...named, state: 'unreachable', reason: why.message, code: why.code }, containers: [] };
    }
  }

  /** Follows every engine's own `/events` until `signal` aborts; an engine lost on the way is reported, the others go on. */
  async watchAll(emit: (event: EngineContainersEvent) => void, signal: AbortSignal): Promise<void> {
    await Promise.all(this.registry.definitions().map((def) => this.watchOne(def, emit, signal)));
  }

  private async watchOne(def: EngineDefinition, emit: (event: EngineContainersEvent) => void, signal: AbortSignal): Promise<void> {
    try {
      await this.use(def.id, async (docker) => {
        await reach(docker, def);
        const stream = await engine.events(docker, signal);
        emit({ kind: 'watching', engineId: def.id });
        const parser = new JsonLinesParser(({ value, text }) => {
          const event = normaliseEvent(value, text);
          if (event) emit({ kind: 'event', engineId: def.id, event });
        });
        await pumpUntilDone(stream, signal, (chunk) => parser.push(chunk));
        if (!signal.aborted) throw new PortholeError('ENGINE_UNAVAILABLE', `The connection to ${def.name} was lost.`);
      });
    } catch (error) {
      if (signal.aborted) return;
      const why = explainEngineFailure(error, def.endpoint);
      emit({ kind: 'lost', engineId: def.id, reason: why.message, code: why.code });
    }
  }
}

/** Over ssh the first request pays the handshake and a remote `docker system dial-stdio`: it gets the ssh set-up's room. */
const reach = (docker: Dockerode, def: EngineDefinition): Promise<unknown> =>
  engine.pingWithin(docker, def.endpoint.startsWith('ssh://') ? SSH_SETUP_DEADLINE_MS : ENGINE_DEADLINE_MS.ping);
