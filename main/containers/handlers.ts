import type { Services } from '../api/services';
import type { DomainHandlers } from '../api/domain-handlers';
import { streamLogs } from './log-service';
import { streamStats } from './stats-service';
import type { ContainerService } from './container-service';

export function containerHandlers(s: Services) {
  /** A call naming an engine (a side-by-side row) goes to that engine; without one, to the engine in use. */
  const on = <T>(engineId: string | undefined, work: (c: ContainerService) => Promise<T>): Promise<T> =>
    engineId ? s.enginePool.containersOn(engineId, work) : work(s.containers);
  return {
    invoke: {
      'containers:list': ({ all, ids }) => s.containers.list(all, ids),
      'containers:inspect': ({ id }) => s.containers.inspect(id),
      'containers:action': ({ ids, action, engineId }) => on(engineId, (c) => c.act(ids, action)),
      'containers:remove-preview': ({ ids, engineId }) => on(engineId, (c) => c.removePreview(ids)),
      'containers:stop-timeouts': ({ ids, engineId }) => on(engineId, (c) => c.stopTimeouts(ids)),
      'containers:remove': ({ ids, force, engineId }) => on(engineId, (c) => c.remove(ids, force)),
      'containers:run': (input) => s.containers.run(input),
    },
    streams: {
      'containers:logs': (params, emit, { signal }) => streamLogs(s.connection, params, emit, signal),
      'containers:stats': ({ id }, emit, { signal }) => streamStats(s.connection, id, emit, signal),
    },
  } satisfies DomainHandlers;
}
