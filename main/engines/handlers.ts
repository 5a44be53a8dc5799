import type { Services } from '../api/services';
import type { DomainHandlers } from '../api/domain-handlers';
import { PortholeError } from '../../shared/errors';

export function engineHandlers(s: Services) {
  const r = s.engines;
  return {
    invoke: {
      'engines:list': async () => r.list(),
      'engines:switch': async ({ id }) => r.switchTo(id),
      'engines:trust-host-key': async ({ id, fingerprint }) => r.trustHostKey(id, fingerprint),
      'engines:set-start-with': async ({ id }) => r.setStartWith(id),
      'engines:create-context': async (input) => {
        await r.contexts.create(input);
        return r.list();
      },
      'engines:remove-context': async ({ name }) => {
        if (r.currentId() === `context:${name}`) {
          throw new PortholeError('CONFLICT', `Porthole is using "${name}" now; switch to another engine first.`);
        }
        await r.contexts.remove(name);
        return r.list();
      },
      'engines:use-context': async ({ name }) => {
        await r.contexts.use(name);
        return r.list();
      },
    },
    streams: {},
  } satisfies DomainHandlers;
}
