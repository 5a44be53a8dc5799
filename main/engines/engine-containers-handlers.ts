import type { Services } from '../api/services';
import type { DomainHandlers } from '../api/domain-handlers';

/** The side-by-side Containers list: every engine's containers, and every engine's events while it is watched. */
export function engineContainersHandlers(s: Services) {
  return {
    invoke: {
      'containers:all-engines': ({ all, engineIds }) => s.enginePool.listAll(all, engineIds),
    },
    streams: {
      'containers:all-engines-events': (_params, emit, { signal }) => s.enginePool.watchAll(emit, signal),
    },
  } satisfies DomainHandlers;
}
