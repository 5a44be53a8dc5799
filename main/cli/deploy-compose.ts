import type { DeployEvent } from '../../shared/api/deploy';
import type { ComposeDeployPlan, ComposeDeployResult } from '../../shared/api/deploy-compose';
import type { CoreClient } from './core-client';

/** The compose plan as sentences: the services, their ports and env names (never values), the entry point. */
export function printComposePlan(plan: ComposeDeployPlan): void {
  console.log(`Plan for ${plan.folder}`);
  for (const note of plan.notes) console.log(`  ${note}`);
  for (const s of plan.services) {
    const ports = s.ports.map((p) => `${p.hostPort ? `${p.hostPort}→` : ''}${p.containerPort}/${p.protocol}${p.taken ? ' (taken)' : ''}`).join(' ');
    const from = s.image ?? (s.build ? `build ${s.build}` : '—');
    console.log(`  ${s.name === plan.entryService ? '*' : ' '} ${s.name.padEnd(16)}${from}${ports ? `  ports ${ports}` : ''}${s.envNames.length ? `  env ${s.envNames.map((n) => `${n}=•••`).join(' ')}` : ''}${s.dependsOn.length ? `  after ${s.dependsOn.join(', ')}` : ''}`);
  }
  if (plan.entryService) console.log(`  * entry point: Porthole waits until port ${plan.entryPort} of ${plan.entryService} answers.`);
  for (const p of plan.problems) console.log(`  problem: ${p.file}${p.line ? `:${p.line}:${p.column}` : ''}: ${p.message}`);
}

/** compose up of the plan's project with its default entry point; resolves with the result. */
export async function runComposeDeploy(client: CoreClient, plan: ComposeDeployPlan, print: (e: DeployEvent) => void, signal: AbortSignal): Promise<ComposeDeployResult | null> {
  let finished: ComposeDeployResult | null = null;
  const params = { kind: 'compose' as const, folder: plan.folder, project: plan.name, ...(plan.entryService ? { entryService: plan.entryService } : {}) };
  await client.stream('deploy:run', params, (e) => (e.kind === 'compose-done' ? (finished = e.result) : print(e)), signal);
  return finished;
}
