import type { DeployPlan, PlanFact } from '../../shared/api/deploy';

const from = (plan: DeployPlan, fact: PlanFact): string => {
  const source = plan.sources[fact];
  const snippet = plan.snippets[fact];
  if (source === 'default') return 'by default';
  if (source === 'user') return 'as you set it';
  return `from ${source}${snippet ? ` \`${snippet}\`` : ''}`;
};

/** The plan as sentences a person reads: each fact, where it came from, and what the rules found. */
export function explainPlan(plan: DeployPlan, given: Set<string> = new Set()): string[] {
  const lines: string[] = [];
  if (plan.usesOwnDockerfile) lines.push(`Porthole builds the folder's own ${plan.dockerfilePath} as it is.`);
  else lines.push(`A ${plan.runtime} app: runtime ${from(plan, 'runtime')}, version ${plan.version ?? 'unknown'} ${from(plan, 'version')}.`);
  if (plan.packageManager) lines.push(`Dependencies are installed with ${plan.packageManager}${plan.install ? ` (\`${plan.install}\`)` : ''}, ${from(plan, 'packageManager')}.`);
  if (plan.build) lines.push(`It is built with \`${plan.build}\`, ${from(plan, 'build')}.`);
  lines.push(plan.start ? `It starts with \`${plan.start}\`, ${from(plan, 'start')}.` : 'Porthole found no start command.');
  lines.push(plan.port === null ? 'The port is unknown: pass --port N.' : `It listens on port ${plan.port} ${from(plan, 'port')} (${plan.portConfidence} confidence).`);
  if (plan.env.length) lines.push(`It reads ${plan.env.join(', ')} (${from(plan, 'env')}); values are passed at run time, never written into the image.`);
  for (const r of plan.requiredEnv) {
    const status = r.providedBy === 'porthole' ? 'Porthole sets it' : r.providedBy === '.env' ? 'its value comes from .env' : given.has(r.name) ? 'you gave a value' : `give it with --env ${r.name}=…`;
    lines.push(`${r.name} is required: ${r.source}${r.snippet ? ` \`${r.snippet}\`` : ''} stops the app without it; ${status}.`);
  }
  for (const f of plan.findings) lines.push(`${f.warning ? 'Warning: ' : ''}${f.text} (${f.source}${f.snippet && !f.text.includes(f.snippet) ? ` \`${f.snippet}\`` : ''})`);
  lines.push(`The app is named ${plan.name} ${from(plan, 'name')}.`);
  for (const note of plan.notes) lines.push(`Note: ${note}`);
  return lines;
}
