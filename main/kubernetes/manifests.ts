import { parseAllDocuments, stringify } from 'yaml';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Service } from 'kubernetes-models/v1/Service';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { PortholeError } from '../../shared/errors';
import { kubeAppInput, type KubeAppInput, type KubeManifest } from '../../shared/api/kubernetes';

type KubeObject = { apiVersion: string; kind: string; metadata?: { name?: string; namespace?: string }; validate?: () => void };

/** The kinds Porthole generates, each with its maintained model (validated against the Kubernetes schema). */
const MODELS: Record<string, new (data: never) => { validate(): void; toJSON(): unknown }> = {
  'apps/v1/Deployment': Deployment as never,
  'v1/Service': Service as never,
  'networking.k8s.io/v1/Ingress': Ingress as never,
};

const label = (o: KubeObject) => `${o.kind}/${o.metadata?.name ?? '?'}`;

/** A Deployment and a Service (and an Ingress when a host is given) for one app, as typed, validated objects. */
export function appObjects(raw: KubeAppInput): KubeObject[] {
  const input = kubeAppInput.parse(raw);
  const labels = { 'app.kubernetes.io/name': input.name, 'app.kubernetes.io/managed-by': 'porthole' };
  const metadata = { name: input.name, labels, ...(input.namespace ? { namespace: input.namespace } : {}) };
  const deployment = new Deployment({
    metadata,
    spec: {
      replicas: input.replicas,
      selector: { matchLabels: { 'app.kubernetes.io/name': input.name } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: input.name,
              image: input.image,
              imagePullPolicy: input.imagePullPolicy,
              ports: [{ name: 'http', containerPort: input.port }],
              env: input.env.map((e) => ({ name: e.key, value: e.value })),
              readinessProbe: { tcpSocket: { port: 'http' }, periodSeconds: 2 },
            },
          ],
        },
      },
    },
  });
  const service = new Service({
    metadata,
    spec: { type: input.serviceType, selector: { 'app.kubernetes.io/name': input.name }, ports: [{ name: 'http', port: input.port, targetPort: 'http' }] },
  });
  const objects: KubeObject[] = [deployment as KubeObject, service as KubeObject];
  if (input.ingressHost) {
    objects.push(
      new Ingress({
        metadata,
        spec: {
          rules: [{ host: input.ingressHost, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: input.name, port: { name: 'http' } } } }] } }],
        },
      }) as KubeObject,
    );
  }
  for (const object of objects) object.validate?.();
  return objects;
}

export function toYaml(objects: KubeObject[]): string {
  return objects.map((o) => stringify(JSON.parse(JSON.stringify(o)))).join('---\n');
}

export function appManifest(input: KubeAppInput): KubeManifest {
  const objects = appObjects(input);
  return { yaml: toYaml(objects), objects: objects.map(label) };
}

/**
 * Parses (possibly edited) YAML and validates every object: the generated kinds against their full schema,
 * any other kind for the fields every object needs. A broken document names its line and column.
 */
export function parseManifest(text: string): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const doc of parseAllDocuments(text, { prettyErrors: true })) {
    if (doc.errors.length) {
      const e = doc.errors[0];
      throw new PortholeError('VALIDATION', `YAML error at line ${e.linePos?.[0].line ?? '?'}, column ${e.linePos?.[0].col ?? '?'}: ${e.message.split('\n')[0]}`);
    }
    const value = doc.toJS() as unknown;
    if (value === null || value === undefined) continue;
    const o = value as KubeObject;
    if (typeof o !== 'object' || typeof o.apiVersion !== 'string' || typeof o.kind !== 'string' || typeof o.metadata?.name !== 'string') {
      throw new PortholeError('VALIDATION', 'Every document must be a Kubernetes object with apiVersion, kind and metadata.name.');
    }
    const Model = MODELS[`${o.apiVersion}/${o.kind}`];
    if (Model) {
      try {
        new Model(o as never).validate();
      } catch (error) {
        throw new PortholeError('VALIDATION', `${label(o)} does not match the Kubernetes schema: ${(error as Error).message}`);
      }
    }
    objects.push(o);
  }
  if (objects.length === 0) throw new PortholeError('VALIDATION', 'The YAML holds no Kubernetes object.');
  return objects;
}
