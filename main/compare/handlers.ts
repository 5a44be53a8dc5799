import type { Services } from '../api/services';
import type { DomainHandlers } from '../api/domain-handlers';


export function compareHandlers(s: Services) {
  return {
    invoke: {
      'compare:profiles': () => s.compare.listProfiles(),
      'compare:save-profile': ({ profile }) => s.compare.saveProfile(profile),
      'compare:delete-profile': ({ id }) => s.compare.deleteProfile(id),
    },
    streams: {
      'compare:watch': (params, emit, { signal }) => s.compare.watch(params, emit, signal),
    },
  } satisfies DomainHandlers;
}
