import type { DomainHandlers } from '../api/domain-handlers';
import { appManifest, parseManifest } from './manifests';
import { applyManifest, deleteManifest, listContexts } from './cluster';

export function kubernetesHandlers() {
  return {
    invoke: {
      'kubernetes:manifest': async (input) => appManifest(input),
      'kubernetes:validate': async ({ yaml }) => ({ objects: parseManifest(yaml).map((o) => `${o.kind}/${o.metadata?.name}`) }),
      'kubernetes:contexts': () => listContexts(),
      'kubernetes:delete': ({ yaml, context }) => deleteManifest(yaml, context),
    },
    streams: {
      'kubernetes:apply': ({ yaml, context, namespace }, emit, { signal }) => applyManifest(yaml, context, namespace, emit, signal),
    },
  } satisfies DomainHandlers;
}
