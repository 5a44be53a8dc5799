import type { Services } from '../api/services';
import type { DomainHandlers } from '../api/domain-handlers';
import { engineInfo } from './engine-info';
import { diskUsage } from './disk-service';

export function systemHandlers(s: Services) {
  return {
    invoke: {
      'engine:info': () => engineInfo(s.connection),
      'engine:status': async () => s.connection.status,
      'system:disk-usage': () => diskUsage(s.connection),
      'system:prune-preview': (scope) => s.prune.preview(scope),
      'system:prune': ({ ids, confirmVolumes, ...scope }) => s.prune.prune(scope, ids, confirmVolumes),
    },
    streams: {

    },
  } satisfies DomainHandlers;
}
