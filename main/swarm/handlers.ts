import type { Services } from '../api/services';
import type { DomainHandlers } from '../api/domain-handlers';

export function swarmHandlers(s: Services) {
  return {
    invoke: {
      'swarm:status': () => s.swarm.status(),
      'swarm:init': ({ advertiseAddr }) => s.swarm.init(advertiseAddr),
      'swarm:services': () => s.swarm.services(),
      'swarm:tasks': ({ service }) => s.swarm.tasks(service),
      'swarm:nodes': () => s.swarm.nodes(),
      'swarm:create': (input) => s.swarm.create(input),
      'swarm:scale': ({ service, replicas }) => s.swarm.scale(service, replicas),
      'swarm:rollback': ({ service }) => s.swarm.rollback(service),
      'swarm:remove': ({ service }) => s.swarm.remove(service),
    },
    streams: {
      'swarm:update': ({ service, image }, emit, { signal }) => s.swarm.update(service, image, emit, signal),
      'swarm:logs': ({ service, tail, follow }, emit, { signal }) => s.swarm.logs(service, tail, follow, emit, signal),
    },
  } satisfies DomainHandlers;
}
