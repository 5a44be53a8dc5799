import type { DeployPlan } from './api/deploy';

/** What Swarm and Kubernetes forms start from when the user comes from a deploy plan: the same app, one step further. */
export interface OrchestratorPrefill {
  /** A DNS label (Kubernetes object and Swarm service names must be). */
  name: string;
  port: number;
  /** The variables the app reads, with empty values for the user to fill in (never values from files). */
  env: { key: string; value: string }[];
}

export function dnsLabel(text: string): string {
  const label = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/g, '');
  return label || 'app';
}

export function prefillFromPlan(plan: Pick<DeployPlan, 'name' | 'port' | 'env'>): OrchestratorPrefill {
  return {
    name: dnsLabel(plan.name),
    port: plan.port ?? 8080,
    env: plan.env.filter((key) => /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key)).map((key) => ({ key, value: '' })),
  };
}
