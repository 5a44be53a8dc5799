import { describe, expect, it } from 'vitest';
import type { KubeApplyEvent } from '../../shared/api/kubernetes';
import { appManifest } from '../../main/kubernetes/manifests';
import { applyManifest, deleteManifest, listContexts } from '../../main/kubernetes/cluster';
import { RUN_ID } from '../support/run-id';

/**
 * Apply and rollout against a real cluster, where the environment has a kubeconfig whose cluster answers.
 * None can be installed on these machines, so here it reports skipped with that reason; no fake API server
 * stands in for a cluster.
 */
async function clusterAnswers(): Promise<string | null> {
  try {
    const contexts = await listContexts();
    if (!contexts.current) return 'no kubeconfig (KUBECONFIG or ~/.kube/config) on this machine';
    const k8s = await import('@kubernetes/client-node');
    const config = new k8s.KubeConfig();
    config.loadFromDefault();
    await Promise.race([config.makeApiClient(k8s.VersionApi).getCode(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5_000))]);
    return null;
  } catch (error) {
    return `the kubeconfig's cluster does not answer (${(error as Error).message})`;
  }
}

const whyNot = await clusterAnswers();

describe(`Kubernetes apply and rollout${whyNot ? ` — skipped: ${whyNot}` : ''}`, () => {
  it.skipIf(whyNot !== null)('applies a Deployment and Service with server-side apply, follows the rollout to available, deletes them', async () => {
    const name = `porthole-${RUN_ID}`.toLowerCase().slice(0, 60);
    const { yaml } = appManifest({ name, image: 'nginx:alpine', port: 80, replicas: 1 });
    const events: KubeApplyEvent[] = [];
    await applyManifest(yaml, undefined, undefined, (e) => events.push(e), new AbortController().signal);
    expect(events.filter((e) => e.kind === 'applied').map((e) => e.kind === 'applied' && e.object)).toEqual([`Deployment/${name}`, `Service/${name}`]);
    expect(await deleteManifest(yaml)).toEqual({ deleted: [`Service/${name}`, `Deployment/${name}`] });
  }, 300_000);
});
