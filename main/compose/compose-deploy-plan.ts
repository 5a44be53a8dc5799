import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ComposePreview } from '../../shared/api/compose';
import { defaultEntry, publishedPort, type ComposeDeployPlan } from '../../shared/api/deploy-compose';
import { COMPOSE_FILE_NAMES } from './compose-files';
import type { ComposeService } from './compose-service';

export const hasComposeFile = (folder: string): boolean => COMPOSE_FILE_NAMES.some((f) => existsSync(join(folder, f)));

const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** The compose preview as a deploy plan: what `compose up` starts, and which service's port says "it answers". */
export function planFromPreview(folder: string, preview: ComposePreview): ComposeDeployPlan {
  const entry = defaultEntry(preview.services);
  const notes = [`Deploys with compose up: ${preview.files.map(fileName).join(' + ')}${preview.envFile ? ' with .env' : ''}, ${preview.services.length} service(s) as project "${preview.projectName}".`];
  const built = preview.services.filter((s) => s.build).map((s) => s.name);
  if (built.length > 0) notes.push(`compose builds ${built.join(', ')} from the folder; the other images are pulled when missing.`);
  const taken = preview.services.flatMap((s) => s.ports.filter((p) => p.taken).map((p) => `${p.hostPort} (${s.name})`));
  if (taken.length > 0) notes.push(`Host port ${taken.join(', ')} is already in use on this computer: free it or change the compose file, else nothing starts.`);
  if (!entry) notes.push('No service publishes a host port: the deploy ends when compose has started everything, with no address to open.');
  return {
    kind: 'compose',
    folder,
    name: preview.projectName,
    files: preview.files,
    envFile: Boolean(preview.envFile),
    services: preview.services,
    entryService: entry?.name ?? null,
    entryPort: publishedPort(entry),
    problems: preview.problems,
    notes,
  };
}

/** A compose plan for a folder holding a compose file, else null (the folder deploys as one container). */
export async function composeDeployPlan(compose: ComposeService, folder: string): Promise<ComposeDeployPlan | null> {
  if (!hasComposeFile(folder)) return null;
  return planFromPreview(folder, await compose.open(folder));
}
