import type { Services } from '../api/services';
import type { DomainHandlers } from '../api/domain-handlers';


export function networkHandlers(s: Services) {
  return {
    invoke: {
      'networks:list': () => s.networks.list(),
      'networks:create': (input) => s.networks.create(input),
      'networks:remove': ({ id }) => s.networks.remove(id),
      'networks:connect': ({ id, container }) => s.networks.connect(id, container),
      'networks:disconnect': ({ id, container, force }) => s.networks.disconnect(id, container, force),
    },
    streams: {

    },
  } satisfies DomainHandlers;
}
