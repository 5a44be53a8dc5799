import type { DomainHandlers } from '../api/domain-handlers';
// yaml and kubernetes-models load on first use, not at every start of the host (bench B4).
const manifests = () => import('./manifests');
import { applyManifest, deleteManifest, listContexts } from './cluster';

export function kubernetesHandlers() {
  return {
    invoke: {
      'kubernetes:manifest': async (input) => (await manifests()).appManifest(input),
      'kubernetes:validate': async ({ yaml }) => ({ objects: (await manifests()).parseManifest(yaml).map((o) => `${o.kind}/${o.metadata?.name}`) }),
      'kubernetes:contexts': () => listContexts(),
      'kubernetes:delete': ({ yaml, context }) => deleteManifest(yaml, context),
    },
    streams: {
      'kubernetes:apply': ({ yaml, context, namespace }, emit, { signal }) => applyManifest(yaml, context, namespace, emit, signal),
    },
  } satisfies DomainHandlers;
}
