import { z } from 'zod';
import { boundedText, engineRef, port } from './common';

const dnsLabel = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be lowercase letters, digits and dashes (a DNS label)');

export const kubeAppInput = z
  .object({
    name: dnsLabel,
    image: engineRef,
    /** The port the app listens on in the container. */
    port,
    replicas: z.number().int().min(0).max(100).default(2),
    env: z.array(z.object({ key: z.string().min(1).max(256).regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'is not a valid variable name'), value: boundedText(32_768) })).max(200).default([]),
    /** `ClusterIP` (inside the cluster), `NodePort` or `LoadBalancer` (reachable from outside). */
    serviceType: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer']).default('ClusterIP'),
    /** A host name: also generates an Ingress routing it to the Service. */
    ingressHost: z.string().max(253).regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'is not a host name').optional(),
    namespace: dnsLabel.optional(),
    /** Local clusters (Docker Desktop's, kind with a loaded image) use the image as it is; others pull it. */
    imagePullPolicy: z.enum(['IfNotPresent', 'Always', 'Never']).default('IfNotPresent'),
  })
  .strict();
export type KubeAppInput = z.input<typeof kubeAppInput>;

export interface KubeManifest {
  /** Multi-document YAML, as `kubectl apply -f` reads it; editable and downloadable. */
  yaml: string;
  /** "Deployment/web", "Service/web", "Ingress/web". */
  objects: string[];
}

export interface KubeContexts {
  /** Where the kubeconfig was read: KUBECONFIG's files or ~/.kube/config; null when there is none. */
  source: string | null;
  current: string | null;
  contexts: { name: string; cluster: string; namespace: string | null }[];
}

export type KubeApplyEvent =
  | { kind: 'applied'; object: string }
  | { kind: 'rollout'; ready: number; updated: number; desired: number; message: string }
  | { kind: 'pods'; pods: { name: string; phase: string; ready: boolean; reason: string | null }[] };

const yamlText = z.string().min(1).max(1_000_000, 'is larger than 1 MB');

export const kubernetesInvokeSchemas = {
  'kubernetes:manifest': kubeAppInput,
  /** Checks edited YAML: parses every document and validates each object against the Kubernetes schema. */
  'kubernetes:validate': z.object({ yaml: yamlText }).strict(),
  'kubernetes:contexts': z.object({}).strict(),
  'kubernetes:delete': z.object({ yaml: yamlText, context: z.string().max(256).optional() }).strict(),
};

export const kubernetesStreamSchemas = {
  /** Server-side apply to the chosen context, then the rollout followed until available or failed. */
  'kubernetes:apply': z.object({ yaml: yamlText, context: z.string().max(256).optional(), namespace: dnsLabel.optional() }).strict(),
};

export interface KubernetesInvokeResults {
  'kubernetes:manifest': KubeManifest;
  'kubernetes:validate': { objects: string[] };
  'kubernetes:contexts': KubeContexts;
  'kubernetes:delete': { deleted: string[] };
}

export interface KubernetesStreamEvents {
  'kubernetes:apply': KubeApplyEvent;
}
