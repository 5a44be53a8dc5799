import type Dockerode from 'dockerode';
import type { z } from 'zod';
import { PortholeError } from '../../shared/errors';
import type { ContainerDetail, ContainerSummary } from '../../shared/dto';
import type { ActionOutcome, ContainerAction, RemovePreview, runInput, StopTimeout } from '../../shared/api/containers';
import type { EngineConnection } from '../engine/connection';
import { isNotModified, isPortInUseMessage, toApiError } from '../engine/errors';
import { stopTimeoutOf, toContainerDetail, toContainerSummary } from '../engine/mappers';
import * as engine from '../engine/gateway';
import { findFreePort, isPortFree } from '../lib/ports';
import type { CoreEvents } from '../lib/event-bus';
import { BULK_CONCURRENCY, mapBounded } from '../lib/bounded';
import { explainNameConflict } from './name-conflict';
import type { AllContainers } from '../engine/all-containers';

type RunParsed = z.output<typeof runInput>;

export class ContainerService {
  constructor(
    /** The connection Porthole follows, or one engine's client (the side-by-side list's rows). */
    private readonly connection: Pick<EngineConnection, 'client'>,
    private readonly events?: CoreEvents,
    /** Shares the every-container list with the other lists that count containers (absent for one engine's client). */
    private readonly allContainers?: AllContainers,
  ) {}

  private get docker(): Dockerode {
    return this.connection.client();
  }

  /** Never asks for sizes here (`size=true` makes the engine walk every layer). */
  async list(all: boolean, ids?: string[]): Promise<ContainerSummary[]> {
    const raw = all && !ids && this.allContainers ? await this.allContainers.list() : await engine.listContainers(this.docker, ids ? { all, filters: { id: ids } } : { all });
    return raw.map(toContainerSummary);
  }

  async inspect(id: string): Promise<ContainerDetail> {
    return toContainerDetail(await engine.inspectContainer(this.docker.getContainer(id)));
  }

  async act(ids: string[], action: ContainerAction): Promise<ActionOutcome[]> {
    return mapBounded(
      ids,
      BULK_CONCURRENCY,
      async (id): Promise<ActionOutcome> => {
        try {
          await engine.actOnContainer(this.docker.getContainer(id), action);
          return { id, ok: true };
        } catch (error) {
          if (isNotModified(error)) return { id, ok: true };
          const { code, message } = toApiError(error);
          return { id, ok: false, error: { code, message } };
        }
      },
    );
  }

  /** Each container's stop timeout; one that is gone is left out. */
  async stopTimeouts(ids: string[]): Promise<StopTimeout[]> {
    const found = await mapBounded(ids, BULK_CONCURRENCY, async (id) => {
      const info = await engine.inspectContainer(this.docker.getContainer(id)).catch(() => null);
      return info ? { id, seconds: stopTimeoutOf(info) } : null;
    });
    return found.filter((t): t is StopTimeout => t !== null);
  }

  /** What removal destroys (the writable layer, measured now) and what stays (volumes, binds). */
  async removePreview(ids: string[]): Promise<RemovePreview[]> {
    return mapBounded(
      ids,
      BULK_CONCURRENCY,
      async (id) => {
        const c = await engine.inspectContainerSize(this.docker.getContainer(id));
        return {
          id: c.Id,
          name: c.Name.replace(/^\//, ''),
          state: c.State.Status,
          writableBytes: c.SizeRw ?? 0,
          keeps: (c.Mounts ?? []).map((m) => ({ type: m.Type, name: m.Name || undefined, source: m.Source, destination: m.Destination })),
        };
      },
    );
  }

  /** Removes containers; anonymous and named volumes are kept (`v=false`), as the preview says. */
  async remove(ids: string[], force: boolean): Promise<ActionOutcome[]> {
    return mapBounded(
      ids,
      BULK_CONCURRENCY,
      async (id): Promise<ActionOutcome> => {
        try {
          await engine.removeContainer(this.docker.getContainer(id), { force, v: false });
          return { id, ok: true };
        } catch (error) {
          const { code, message } = toApiError(error);
          return { id, ok: false, error: { code, message } };
        }
      },
    );
  }

  /**
   * `docker run -d`: checks host ports first, creates, starts. If the start fails the container is
   * removed again, so nothing half-made is left behind.
   */
  async run(input: RunParsed): Promise<{ id: string; name: string; urls: string[] }> {
    await engine
      .inspectImage(this.docker, input.image)
      .catch((error: unknown) => {
        const apiError = toApiError(error);
        if (apiError.code === 'NOT_FOUND') {
          // `missingImage` lets the Run dialog offer to pull it in place.
          throw new PortholeError('NOT_FOUND', `There is no image "${input.image}" on this engine. Build it or pull it first.`, { missingImage: input.image });
        }
        throw error;
      });
    if (input.autoRemove && input.restartPolicy !== 'no')
      throw new PortholeError('VALIDATION', 'A container removed when it exits (--rm) cannot also have a restart policy.', [{ path: ['autoRemove'], message: 'conflicts with the restart policy' }]);
    for (const p of input.ports) await this.assertPortFree(p.hostPort, p.hostIp);

    const exposed: Record<string, object> = {};
    const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
    for (const p of input.ports) {
      const key = `${p.containerPort}/${p.protocol}`;
      exposed[key] = {};
      (bindings[key] ??= []).push({ HostIp: p.hostIp, HostPort: String(p.hostPort) });
    }
    const container = await engine.createContainer(this.docker, {
      Image: input.image,
      name: input.name,
      Env: input.env,
      Cmd: input.command,
      Labels: input.labels,
      User: input.user,
      WorkingDir: input.workingDir,
      ExposedPorts: exposed,
      HostConfig: {
        NetworkMode: input.network,
        AutoRemove: input.autoRemove || undefined,
        NanoCpus: input.cpus === undefined ? undefined : Math.round(input.cpus * 1e9),
        Memory: input.memoryBytes,
        PortBindings: bindings,
        RestartPolicy: { Name: input.restartPolicy },
        Init: input.init || undefined,
        Mounts: input.mounts.map((m) => ({ Type: m.type, Source: m.source, Target: m.target, ReadOnly: m.readOnly })),
      },
    }).catch(async (error: unknown) => {
      throw await explainNameConflict(this.docker, input.name, error);
    });
    try {
      await engine.actOnContainer(container, 'start');
    } catch (error) {
      await engine.removeContainer(container, { force: true }).catch(() => {});
      const apiError = toApiError(error);
      if (isPortInUseMessage(apiError.message)) throw new PortholeError('PORT_IN_USE', apiError.message);
      throw new PortholeError(apiError.code, `The container could not start: ${apiError.message}`);
    }
    // With --rm a quick command may be gone already: its id and the asked name are what is known.
    const info = await engine.inspectContainer(container).catch(() => null);
    const ran = info ? { id: info.Id, name: info.Name.replace(/^\//, '') } : { id: container.id, name: input.name ?? container.id.slice(0, 12) };
    this.events?.emit('container:ran', { ...ran, input });
    return { ...ran, urls: input.ports.filter((p) => p.protocol === 'tcp').map((p) => `http://${loopbackFor(p.hostIp)}:${p.hostPort}`) };
  }

  /** Renames one container (the deploy swap: `app` → `app-previous-…` and back). */
  async rename(id: string, name: string): Promise<void> {
    await engine.renameContainer(this.docker.getContainer(id), name);
  }

  /** Stops one container, giving it `graceSeconds` before the engine kills it; an already stopped one is fine. */
  async stop(id: string, graceSeconds = 10): Promise<void> {
    await engine.actOnContainer(this.docker.getContainer(id), 'stop', { t: graceSeconds }).catch((error: unknown) => {
      if (!isNotModified(error)) throw error;
    });
  }

  async setRestartPolicy(id: string, policy: RunParsed['restartPolicy']): Promise<void> {
    await engine.updateRestartPolicy(this.docker.getContainer(id), policy);
  }

  private async assertPortFree(port: number, hostIp: string): Promise<void> {
    if (await isPortFree(port, hostIp)) return;
    const suggestion = await findFreePort(port + 1, hostIp);
    throw new PortholeError(
      'PORT_IN_USE',
      `Port ${port} on ${hostIp} is already in use.${suggestion ? ` Port ${suggestion} is free.` : ''}`,
      { port, hostIp, suggestion },
    );
  }
}

const loopbackFor = (hostIp: string): string => (hostIp === '0.0.0.0' || hostIp === '' || hostIp === '::' ? '127.0.0.1' : hostIp);
