import type { DeployPlan, RequiredEnv } from '../../shared/api/deploy';
import { PortholeError } from '../../shared/errors';

/** Required variables with no value from .env, Porthole or the caller (names given with a non-blank value). */
export const missingRequiredEnv = (plan: Pick<DeployPlan, 'requiredEnv'>, given: Set<string>): RequiredEnv[] =>
  plan.requiredEnv.filter((r) => r.providedBy === null && !given.has(r.name));

/** The names in `env` that carry a value (a blank value is no value: the app would still stop). */
export const namesWithValues = (env: Record<string, string>): Set<string> =>
  new Set(Object.entries(env).filter(([, value]) => value.trim() !== '').map(([name]) => name));

/**
 * Refuses a deploy whose app would stop at once for want of a variable: the UI and the CLI check it
 * first, and any other client of the API gets the same answer before anything is built.
 */
export function refuseMissingRequiredEnv(plan: Pick<DeployPlan, 'requiredEnv'>, env: Record<string, string>): void {
  const missing = missingRequiredEnv(plan, namesWithValues(env));
  if (missing.length === 0) return;
  const names = missing.map((r) => `${r.name} (${r.source}${r.snippet ? `: ${r.snippet}` : ''})`).join(', ');
  throw new PortholeError('VALIDATION', `The app stops without ${names}: give ${missing.length === 1 ? 'it a value' : 'them values'} in the deploy's environment or in the folder's .env.`, missing.map((r) => ({ path: ['env', r.name], message: `${r.name} is required by ${r.source}` })));
}
