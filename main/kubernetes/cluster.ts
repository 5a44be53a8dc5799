import { PortholeError } from '../../shared/errors';
import type { KubeApplyEvent, KubeContexts } from '../../shared/api/kubernetes';
import { sleep } from '../lib/sleep';
// yaml and kubernetes-models load on first use, not at every start of the host (bench B4).
const manifests = () => import('./manifests');

type Client = typeof import('@kubernetes/client-node');

const FIELD_MANAGER = 'porthole';
const ROLLOUT_LIMIT_MS = 10 * 60_000;
const POLL_MS = 1_000;

/** The client library is large: loaded on first use, not at start-up. */
const loadClient = (): Promise<Client> => import('@kubernetes/client-node');

/** The kubeconfig where kubectl reads it (KUBECONFIG, else ~/.kube/config); credentials stay where they are. */
async function kubeConfig(context?: string) {
  const k8s = await loadClient();
  const config = new k8s.KubeConfig();
  config.loadFromDefault();
  if (context) {
    if (!config.getContexts().some((c) => c.name === context)) throw new PortholeError('NOT_FOUND', `The kubeconfig has no context "${context}".`);
    config.setCurrentContext(context);
  }
  if (!config.getCurrentCluster()) {
    throw new PortholeError('ENGINE_UNAVAILABLE', 'No Kubernetes cluster is configured: set KUBECONFIG or create ~/.kube/config (kubectl reads the same file).');
  }
  return { k8s, config };
}

export async function listContexts(env: NodeJS.ProcessEnv = process.env): Promise<KubeContexts> {
  const k8s = await loadClient();
  const config = new k8s.KubeConfig();
  config.loadFromDefault();
  const contexts = config.getContexts().map((c) => ({ name: c.name, cluster: c.cluster, namespace: c.namespace ?? null }));
  const source = contexts.length ? (env.KUBECONFIG ?? '~/.kube/config') : null;
  return { source, current: contexts.length ? config.getCurrentContext() : null, contexts };
}

function words(error: unknown): string {
  const e = error as { body?: string | { message?: string }; message?: string; code?: number };
  const body = typeof e.body === 'string' ? (JSON.parse(e.body || '{}') as { message?: string }) : e.body;
  return body?.message ?? e.message ?? String(error);
}

/**
 * Server-side apply of every object, then the Deployments' rollouts followed until available; a rollout that
 * fails (progress deadline, crashing pods) ends with the pods' own reasons in words.
 */
export async function applyManifest(yaml: string, context: string | undefined, namespace: string | undefined, emit: (e: KubeApplyEvent) => void, signal: AbortSignal): Promise<void> {
  const objects = (await manifests()).parseManifest(yaml);
  const { k8s, config } = await kubeConfig(context);
  const ns = namespace ?? config.getContextObject(config.getCurrentContext())?.namespace ?? 'default';
  const client = k8s.KubernetesObjectApi.makeApiClient(config);
  for (const object of objects) {
    const spec = { ...object, metadata: { ...object.metadata, namespace: object.metadata?.namespace ?? ns } };
    try {
      await client.patch(spec as never, undefined, undefined, FIELD_MANAGER, true, k8s.PatchStrategy.ServerSideApply);
    } catch (error) {
      throw new PortholeError('CONFLICT', `Applying ${object.kind}/${object.metadata?.name} failed: ${words(error)}`);
    }
    emit({ kind: 'applied', object: `${object.kind}/${object.metadata?.name}` });
  }
  const apps = config.makeApiClient(k8s.AppsV1Api);
  const core = config.makeApiClient(k8s.CoreV1Api);
  for (const deployment of objects.filter((o) => o.kind === 'Deployment')) {
    const name = deployment.metadata!.name!;
    const deadline = Date.now() + ROLLOUT_LIMIT_MS;
    while (!signal.aborted) {
      const d = await apps.readNamespacedDeployment({ name, namespace: ns });
      const desired = d.spec?.replicas ?? 1;
      const status = d.status ?? {};
      const progressing = status.conditions?.find((c) => c.type === 'Progressing');
      emit({ kind: 'rollout', ready: status.readyReplicas ?? 0, updated: status.updatedReplicas ?? 0, desired, message: progressing?.message ?? '' });
      const selector = Object.entries(d.spec?.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
      const pods = (await core.listNamespacedPod({ namespace: ns, labelSelector: selector })).items.map((p) => {
        const waiting = p.status?.containerStatuses?.find((c) => c.state?.waiting)?.state?.waiting;
        return { name: p.metadata?.name ?? '', phase: p.status?.phase ?? 'Unknown', ready: Boolean(p.status?.containerStatuses?.every((c) => c.ready)), reason: waiting ? `${waiting.reason}: ${waiting.message ?? ''}`.trim() : null };
      });
      emit({ kind: 'pods', pods });
      if ((status.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0) && (status.updatedReplicas ?? 0) === desired && (status.availableReplicas ?? 0) === desired) break;
      if (progressing?.reason === 'ProgressDeadlineExceeded' || Date.now() > deadline) {
        const reasons = pods.filter((p) => p.reason).map((p) => `${p.name}: ${p.reason}`);
        throw new PortholeError('TIMEOUT', `The rollout of ${name} did not become available. ${reasons.join('; ') || progressing?.message || ''}`.trim());
      }
      await sleep(POLL_MS, signal);
    }
  }
}

export async function deleteManifest(yaml: string, context?: string): Promise<{ deleted: string[] }> {
  const objects = (await manifests()).parseManifest(yaml);
  const { k8s, config } = await kubeConfig(context);
  const client = k8s.KubernetesObjectApi.makeApiClient(config);
  const ns = config.getContextObject(config.getCurrentContext())?.namespace ?? 'default';
  const deleted: string[] = [];
  for (const object of objects.reverse()) {
    try {
      await client.delete({ ...object, metadata: { ...object.metadata, namespace: object.metadata?.namespace ?? ns } } as never);
      deleted.push(`${object.kind}/${object.metadata?.name}`);
    } catch (error) {
      if ((error as { code?: number }).code !== 404) throw new PortholeError('CONFLICT', `Deleting ${object.kind}/${object.metadata?.name} failed: ${words(error)}`);
    }
  }
  return { deleted };
}
