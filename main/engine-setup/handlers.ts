import type { Services } from '../api/services';
import type { DomainHandlers } from '../api/domain-handlers';

export function engineSetupHandlers(s: Services) {
  return {
    invoke: {
      'engine-setup:report': async () => s.engineSetup.report(),
      'engine-setup:start-on-launch': async ({ candidateId }) => s.engineSetup.setStartOnLaunch(candidateId),
    },
    streams: {
      'engine-setup:start': ({ candidateId }, emit, { signal }) => s.engineSetup.start(candidateId, emit, signal),
    },
  } satisfies DomainHandlers;
}
