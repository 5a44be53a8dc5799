import type { Services } from '../api/services';
import type { DomainHandlers } from '../api/domain-handlers';
import { streamLogs } from './log-service';
import { streamStats } from './stats-service';

export function containerHandlers(s: Services) {
  return {
    invoke: {
      'containers:list': ({ all, ids }) => s.containers.list(all, ids),
      'containers:inspect': ({ id }) => s.containers.inspect(id),
      'containers:action': ({ ids, action }) => s.containers.act(ids, action),
      'containers:remove-preview': ({ ids }) => s.containers.removePreview(ids),
      'containers:stop-timeouts': ({ ids }) => s.containers.stopTimeouts(ids),
      'containers:remove': ({ ids, force }) => s.containers.remove(ids, force),
      'containers:run': (input) => s.containers.run(input),
    },
    streams: {
      'containers:logs': (params, emit, { signal }) => streamLogs(s.connection, params, emit, signal),
      'containers:stats': ({ id }, emit, { signal }) => streamStats(s.connection, id, emit, signal),
    },
  } satisfies DomainHandlers;
}
