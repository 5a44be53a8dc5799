import type { Readable } from 'node:stream';
import { PortholeError } from '../../shared/errors';
import type { LogLine } from '../../shared/api/containers';
import type { SwarmNode, SwarmServiceSpecInput, SwarmServiceSummary, SwarmStatus, SwarmTask, SwarmUpdateEvent } from '../../shared/api/swarm';
import { swarmServiceSpecInput } from '../../shared/api/swarm';
import type { EngineConnection } from '../engine/connection';
import * as api from '../engine/swarm-api';
import { Batcher } from '../engine/batcher';
import { LineSplitter, LogDemuxer, splitTimestamp } from '../engine/log-demux';
import { pumpUntilDone } from '../lib/stream-util';
import { sleep } from '../lib/sleep';
import { imageOf, toNode, toServiceSpec, toServiceSummary, toSwarmStatus, toTask } from './mappers';

const UPDATE_POLL_MS = 400;
const UPDATE_LIMIT_MS = 30 * 60_000;
const DONE_STATES = new Set(['completed']);
const FAILED_STATES = new Set(['paused', 'rollback_completed', 'rollback_paused']);

/** Swarm mode of the current engine: existing orchestration driven from Porthole, never a scheduler of its own. */
export class SwarmService {
  constructor(private readonly connection: EngineConnection) {}

  private docker() {
    return this.connection.client();
  }

  async status(): Promise<SwarmStatus> {
    return toSwarmStatus(await api.swarmInfo(this.docker()));
  }

  /** Makes this engine a single-node Swarm, advertised on loopback unless told otherwise. */
  async init(advertiseAddr = '127.0.0.1'): Promise<SwarmStatus> {
    const before = await this.status();
    if (before.state === 'active') throw new PortholeError('CONFLICT', 'This engine is already part of a Swarm.');
    await api.swarmInit(this.docker(), advertiseAddr);
    return this.status();
  }

  private async requireManager(): Promise<void> {
    const status = await this.status();
    if (status.state !== 'active') {
      throw new PortholeError('CONFLICT', 'This engine is not in Swarm mode. Turn it into a single-node Swarm first, or connect to a Swarm manager.');
    }
    if (!status.isManager) throw new PortholeError('CONFLICT', 'This engine is a Swarm worker; services are managed on a manager node.');
  }

  async services(): Promise<SwarmServiceSummary[]> {
    if ((await this.status()).state !== 'active') return [];
    return (await api.listServices(this.docker())).map(toServiceSummary).sort((a, b) => a.name.localeCompare(b.name));
  }

  private async service(ref: string) {
    try {
      return await api.inspectService(this.docker(), ref);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) throw new PortholeError('NOT_FOUND', `No service "${ref}" on this Swarm.`);
      throw error;
    }
  }

  async tasks(ref: string): Promise<SwarmTask[]> {
    const service = await this.service(ref);
    const docker = this.docker();
    const [tasks, nodes] = await Promise.all([api.listTasks(docker, service.ID), api.listNodes(docker)]);
    const names = new Map(nodes.map((n) => [n.ID, n.Description?.Hostname ?? n.ID]));
    return tasks.map((t) => toTask(t, names)).sort((a, b) => (a.slot ?? 0) - (b.slot ?? 0) || b.updatedAt.localeCompare(a.updatedAt));
  }

  async nodes(): Promise<SwarmNode[]> {
    if ((await this.status()).state !== 'active') return [];
    return (await api.listNodes(this.docker())).map(toNode);
  }

  async create(input: SwarmServiceSpecInput): Promise<{ id: string; name: string }> {
    await this.requireManager();
    const spec = swarmServiceSpecInput.parse(input);
    const id = await api.createService(this.docker(), toServiceSpec(spec));
    return { id, name: spec.name };
  }

  async scale(ref: string, replicas: number): Promise<SwarmServiceSummary> {
    await this.requireManager();
    const service = await this.service(ref);
    if (!service.Spec.Mode?.Replicated) throw new PortholeError('CONFLICT', `"${service.Spec.Name}" is a global service: it runs one task per node and cannot be scaled.`);
    const spec = { ...service.Spec, Mode: { Replicated: { Replicas: replicas } } };
    await api.updateService(this.docker(), service.ID, service.Version.Index, spec);
    return toServiceSummary(await this.service(service.ID));
  }

  async rollback(ref: string): Promise<SwarmServiceSummary> {
    await this.requireManager();
    const service = await this.service(ref);
    if (!service.PreviousSpec) throw new PortholeError('CONFLICT', `"${service.Spec.Name}" has no previous version to roll back to.`);
    await api.updateService(this.docker(), service.ID, service.Version.Index, service.Spec, true);
    return toServiceSummary(await this.service(service.ID));
  }

  async remove(ref: string): Promise<{ removed: string }> {
    await this.requireManager();
    const service = await this.service(ref);
    await api.removeService(this.docker(), service.ID);
    return { removed: service.Spec.Name ?? service.ID };
  }

  /**
   * A rolling update to `image`, followed task by task until the engine says it completed, or paused /
   * rolled back (a failure, in the engine's words). Cancelling stops following, not the update.
   */
  async update(ref: string, image: string, emit: (event: SwarmUpdateEvent) => void, signal: AbortSignal): Promise<void> {
    await this.requireManager();
    const service = await this.service(ref);
    const spec = structuredClone(service.Spec);
    const containerSpec = spec.TaskTemplate?.ContainerSpec;
    if (!containerSpec) throw new PortholeError('CONFLICT', `"${service.Spec.Name}" does not run containers.`);
    containerSpec.Image = image;
    await api.updateService(this.docker(), service.ID, service.Version.Index, spec);
    const deadline = Date.now() + UPDATE_LIMIT_MS;
    while (!signal.aborted) {
      const [current, tasks] = await Promise.all([this.service(service.ID), api.listTasks(this.docker(), service.ID, signal)]);
      const wanted = current.Spec.Mode?.Replicated?.Replicas ?? tasks.filter((t) => t.DesiredState === 'running').length;
      const live = tasks.filter((t) => t.DesiredState === 'running').map((t) => toTask(t, new Map()));
      const target = imageOf(current.Spec);
      const done = live.filter((t) => t.state === 'running' && t.image === target).length;
      const status = current.UpdateStatus?.State ? { state: current.UpdateStatus.State, message: current.UpdateStatus.Message ?? '' } : null;
      emit({
        service: current.Spec.Name ?? current.ID,
        updateStatus: status,
        tasks: live.map(({ id, slot, state, image: taskImage, message, error }) => ({ id, slot, state, image: taskImage, message, error })),
        done,
        total: wanted,
      });
      if (status && FAILED_STATES.has(status.state)) {
        throw new PortholeError('CONFLICT', `The update to ${image} did not go through (${status.state.replace('_', ' ')}): ${status.message || 'no message from the engine'}.`);
      }
      if ((status && DONE_STATES.has(status.state)) || (!status && target === image && done === wanted)) return;
      if (Date.now() > deadline) throw new PortholeError('TIMEOUT', `The update of "${current.Spec.Name}" did not finish within 30 minutes.`);
      await sleep(UPDATE_POLL_MS, signal);
    }
  }

  /** Logs of every task of the service, in time order within each batch, each line naming its task. */
  async logs(ref: string, tail: number, follow: boolean, emit: (lines: (LogLine & { task: string })[]) => void, signal: AbortSignal): Promise<void> {
    const service = await this.service(ref);
    const batcher = new Batcher<LogLine & { task: string }>((lines) => emit([...lines].sort((a, b) => (a.timeMs ?? 0) - (b.timeMs ?? 0))), 50, 5_000);
    const splitter = (stream: 'stdout' | 'stderr') =>
      new LineSplitter((line) => {
        const { timeMs, text } = splitTimestamp(line);
        // With `details`, the engine puts "com.docker.swarm.node.id=…,…task.id=… " before the message.
        const details = /^(\S*com\.docker\.swarm\.task\.id=([^,\s]+)\S*) (.*)$/s.exec(text);
        const entry = { stream, text: details ? details[3] : text, task: details ? details[2].slice(0, 12) : '' };
        batcher.push(timeMs === undefined ? entry : { ...entry, timeMs });
      });
    const stdout = splitter('stdout');
    const stderr = splitter('stderr');
    const demux = new LogDemuxer((stream, payload) => (stream === 'stderr' ? stderr : stdout).push(payload));
    const source = await api.serviceLogs(this.docker(), service.ID, tail, follow, signal);
    if (Buffer.isBuffer(source)) demux.push(source);
    else await pumpUntilDone(source as Readable, signal, (chunk) => demux.push(chunk));
    if (signal.aborted) return batcher.discard();
    stdout.end();
    stderr.end();
    batcher.flush();
  }
}
