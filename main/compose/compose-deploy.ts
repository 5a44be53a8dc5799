/**
 * Deploy of a folder whose app is a compose project: the plan lists its services and the entry point (the
 * service whose published port the answer check waits for); running it is `compose up` through the user's
 * compose, then the same readiness wait as a one-container deploy. Kept apart from main/deploy so the
 * deploy pipeline only needs a small hook: plan → `composeDeployPlan`, run → `deployComposeProject`.
 */
import type { ComposeRunEvent, ComposeServicePreview } from '../../shared/api/compose';
import { COMPOSE_LABELS } from '../../shared/compose/group-projects';
import { PortholeError } from '../../shared/errors';
import type { EngineConnection } from '../engine/connection';
import { waitUntilReady } from '../deploy/wait-ready';
import { COMPOSE_FILE_NAMES } from './compose-files';
import type { ComposeService } from './compose-service';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface ComposeDeployPlan {
  kind: 'compose';
  projectName: string;
  workingDir: string;
  files: string[];
  services: ComposeServicePreview[];
  /** The service whose published port answers when the app is up (the user may pick another). */
  entryService: string | null;
  entryPort: number | null;
  notes: string[];
}

export const hasComposeFile = (folder: string): boolean => COMPOSE_FILE_NAMES.some((f) => existsSync(join(folder, f)));

/** The entry point by default: a service called web/app/frontend with a published port, else the first that publishes one. */
export function defaultEntry(services: ComposeServicePreview[]): ComposeServicePreview | null {
  const publishing = services.filter((s) => s.ports.some((p) => p.hostPort));
  return publishing.find((s) => ['web', 'app', 'frontend', 'server', 'api'].includes(s.name)) ?? publishing[0] ?? null;
}

export async function composeDeployPlan(compose: ComposeService, folder: string, entryService?: string): Promise<ComposeDeployPlan | null> {
  if (!hasComposeFile(folder)) return null;
  const preview = await compose.open(folder);
  const entry = entryService ? (preview.services.find((s) => s.name === entryService) ?? null) : defaultEntry(preview.services);
  if (entryService && !entry) throw new PortholeError('VALIDATION', `The compose file has no service "${entryService}".`);
  const notes = preview.problems.map((p) => `${p.file}${p.line ? `:${p.line}:${p.column}` : ''}: ${p.message}`);
  if (!entry) notes.push('No service publishes a port: the deploy ends when compose has started everything.');
  return {
    kind: 'compose',
    projectName: preview.projectName,
    workingDir: preview.workingDir,
    files: preview.files,
    services: preview.services,
    entryService: entry?.name ?? null,
    entryPort: entry?.ports.find((p) => p.hostPort)?.hostPort ?? null,
    notes,
  };
}

export type ComposeDeployEvent = ComposeRunEvent | { kind: 'ready'; url: string | null; service: string | null };

/** `compose up`, then waits until the entry service's published port answers (or its container exits). */
export async function deployComposeProject(compose: ComposeService, connection: EngineConnection, plan: ComposeDeployPlan, emit: (e: ComposeDeployEvent) => void, signal: AbortSignal, timeoutMs = 60_000): Promise<void> {
  await compose.run({ action: 'up', project: plan.projectName, files: plan.files, workingDir: plan.workingDir, services: [], removeVolumes: false, confirmVolumes: [] }, emit, signal);
  if (!plan.entryService || !plan.entryPort) {
    emit({ kind: 'ready', url: null, service: null });
    return;
  }
  const [info] = await connection.client().listContainers({ filters: { label: [`${COMPOSE_LABELS.project}=${plan.projectName}`, `${COMPOSE_LABELS.service}=${plan.entryService}`] } });
  if (!info) throw new PortholeError('APP_CRASHED', `Service "${plan.entryService}" is not running after compose up.`);
  const outcome = await waitUntilReady(connection.client().getContainer(info.Id), plan.entryPort, 'tcp', timeoutMs, signal);
  if (outcome.kind === 'exited') throw new PortholeError('APP_CRASHED', `Service "${plan.entryService}" exited with code ${outcome.exitCode} before port ${plan.entryPort} answered.`);
  if (outcome.kind === 'timeout') throw new PortholeError('TIMEOUT', `Port ${plan.entryPort} of service "${plan.entryService}" did not answer within ${timeoutMs / 1000} s.`);
  if (outcome.kind === 'cancelled') throw new PortholeError('CANCELLED', 'Cancelled.');
  emit({ kind: 'ready', url: `http://127.0.0.1:${plan.entryPort}`, service: plan.entryService });
}
