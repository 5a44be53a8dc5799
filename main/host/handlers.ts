import type { Services } from '../api/services';
import type { DomainHandlers } from '../api/domain-handlers';


export function hostHandlers(s: Services) {
  return {
    invoke: {
      'host:capabilities': async () => s.host.capabilities(),
      'host:free-port': ({ from, hostIp }) => s.host.freePort(from, hostIp),
      'host:open-external': ({ url }) => s.host.openExternal(url),
      'host:pick-folder': ({ title }) => s.host.pickFolder(title),
      'host:validate-folder': ({ path, dockerfile }) => s.host.validateFolder(path, dockerfile),
    },
    streams: {

    },
  } satisfies DomainHandlers;
}
