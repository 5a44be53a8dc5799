import type { Services } from '../api/services';
import type { DomainHandlers } from '../api/domain-handlers';

export function vmHandlers(s: Services) {
  return {
    invoke: {
      'compare:vm-setup': ({ kernelPath }) => s.vm.setup(kernelPath),
      'compare:vm-results': () => s.vm.results(),
    },
    streams: {
      'compare:measure-vm': async ({ container, kernelPath, accelerator, answerTimeoutMs, idleSeconds }, emit, { signal }) => {
        await s.vm.measure({ container, kernelPath, accelerator, answerTimeoutMs, idleSeconds }, emit, signal);
      },
    },
  } satisfies DomainHandlers;
}
