import type { Services } from '../api/services';
import type { DomainHandlers } from '../api/domain-handlers';


export function volumeHandlers(s: Services) {
  return {
    invoke: {
      'volumes:list': () => s.volumes.list(),
      'volumes:inspect': ({ name }) => s.volumes.inspect(name),
      'volumes:create': (input) => s.volumes.create(input),
      'volumes:remove': ({ name }) => s.volumes.remove(name),
      'volumes:sizes': () => s.volumes.sizes(),
      'volumes:browse': ({ name, path }) => s.volumes.browse(name, path),
      'volumes:download': ({ name, path }) => s.volumes.download(name, path),
    },
    streams: {

    },
  } satisfies DomainHandlers;
}
