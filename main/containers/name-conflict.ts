import type Dockerode from 'dockerode';
import { PortholeError } from '../../shared/errors';
import { toApiError } from '../engine/errors';
import * as engine from '../engine/gateway';

/** The container holding `name` exactly (the engine's name filter is a regex over "/name"). */
async function holderOf(docker: Dockerode, name: string): Promise<{ id: string; name: string } | null> {
  const escaped = name.replace(/[.]/g, '\\.');
  const found = await engine.listContainers(docker, { all: true, filters: { name: [`^/${escaped}$`] } }).catch(() => []);
  const holder = found.find((c) => c.Names?.includes(`/${name}`));
  return holder ? { id: holder.Id, name } : null;
}

/** `name-2`, `name-3`, … : the first the engine does not have yet. */
async function freeNameLike(docker: Dockerode, name: string): Promise<string | null> {
  const taken = new Set((await engine.listContainers(docker, { all: true }).catch(() => [])).flatMap((c) => (c.Names ?? []).map((n) => n.replace(/^\//, ''))));
  const base = name.replace(/-\d+$/, '');
  for (let n = 2; n < 100; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  return null;
}

/**
 * The engine's create refused with a conflict because the name is taken ("Conflict. The container name … is
 * already in use by container <64 hex>…"): said in a sentence, with the holder to open and a free name to use.
 * Any other error is returned as it was.
 */
export async function explainNameConflict(docker: Dockerode, name: string | undefined, error: unknown): Promise<unknown> {
  if (!name || toApiError(error).code !== 'CONFLICT') return error;
  const holder = await holderOf(docker, name);
  if (!holder) return error;
  const suggestion = await freeNameLike(docker, name);
  return new PortholeError('CONFLICT', `A container named “${name}” already exists.`, { reason: 'name-in-use', usedBy: [holder], suggestion });
}
