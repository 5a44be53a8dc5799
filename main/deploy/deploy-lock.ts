import { PortholeError } from '../../shared/errors';

/** One deploy per app (or compose project) at a time: takes the name, or refuses with CONFLICT in words. */
export function claimDeploy(inProgress: Set<string>, name: string): void {
  if (inProgress.has(name)) throw new PortholeError('CONFLICT', `"${name}" is already being deployed. Wait for it to finish or cancel it.`);
  inProgress.add(name);
}
