import type { Services } from '../api/services';
import type { DomainHandlers } from '../api/domain-handlers';


export function registryHandlers(s: Services) {
  return {
    invoke: {
      'registry:list': () => s.registry.listAccounts(),
      'registry:storage': async () => s.registry.storage(),
      'registry:sign-in': ({ registry, username, secret }) => s.registry.signIn(registry, username, secret),
      'registry:sign-out': ({ registry }) => s.registry.signOut(registry),
      'registry:search': ({ term, registry, limit }) => s.registry.search(term, registry, limit),
    },
    streams: {

    },
  } satisfies DomainHandlers;
}
