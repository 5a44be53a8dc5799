import type { Services } from '../api/services';
import type { DomainHandlers } from '../api/domain-handlers';
import type { CallContext } from '../api/router';
import { addEnginesVerdict, requireSameMachine } from '../api/caller-place';
import type { EngineList } from '../../shared/api/engines';
import { PortholeError } from '../../shared/errors';

export function engineHandlers(s: Services) {
  const r = s.engines;
  const forCaller = async (ctx: CallContext, list: Promise<EngineList>): Promise<EngineList> => ({ ...(await list), addEngines: addEnginesVerdict(ctx) });
  return {
    invoke: {
      'engines:list': async (_input, ctx) => forCaller(ctx, r.list()),
      'engines:switch': async ({ id }, ctx) => forCaller(ctx, r.switchTo(id)),
      'engines:trust-host-key': async ({ id, fingerprint }, ctx) => {
        // Trusting a host key admits a new engine as much as creating its context does.
        requireSameMachine(ctx, 'trust an SSH host key');
        return forCaller(ctx, r.trustHostKey(id, fingerprint));
      },
      'engines:set-start-with': async ({ id }, ctx) => forCaller(ctx, r.setStartWith(id)),
      'engines:create-context': async (input, ctx) => {
        // A context names certificate and key files the host will read: never on behalf of a visitor from the network.
        requireSameMachine(ctx, 'add an engine');
        await r.contexts.create(input);
        return forCaller(ctx, r.list());
      },
      'engines:remove-context': async ({ name }, ctx) => {
        if (r.currentId() === `context:${name}`) {
          throw new PortholeError('CONFLICT', `Porthole is using "${name}" now; switch to another engine first.`);
        }
        await r.contexts.remove(name);
        return forCaller(ctx, r.list());
      },
      'engines:use-context': async ({ name }, ctx) => {
        await r.contexts.use(name);
        return forCaller(ctx, r.list());
      },
    },
    streams: {},
  } satisfies DomainHandlers;
}
