import type { AppContainers } from './app-containers';

/**
 * Settles what an interrupted swap left behind, before the next deploy of the same app:
 * - the app container exists: `-next-` trials and `-previous-` copies are stale and removed;
 * - it does not, but a `-previous-` copy does (the swap stopped between renaming the old one away and
 *   the new one taking over): the newest copy is put back under the app's name and started, so the app
 *   serves again and the deploy continues as a normal redeploy.
 * Returns what it did, in words, for the deploy log.
 */
export async function settleLeftovers(containers: AppContainers, app: string): Promise<string[]> {
  const leftovers = await containers.leftovers(app);
  if (leftovers.length === 0) return [];
  const said: string[] = [];
  const current = await containers.current(app);
  let restored: string | null = null;
  if (!current) {
    const previous = leftovers.filter((c) => c.name.startsWith(`${app}-previous-`)).sort((a, b) => b.Created - a.Created)[0];
    if (previous) {
      await containers.rename(previous.Id, app);
      await containers.start(previous.Id).catch(() => {});
      restored = previous.Id;
      said.push(`An earlier deploy of ${app} was interrupted mid-swap: ${previous.name} was put back as ${app}.`);
    }
  }
  for (const c of leftovers) {
    if (c.Id === restored) continue;
    await containers.remove(c.Id);
    said.push(`Removed ${c.name}, left over from an interrupted deploy.`);
  }
  return said;
}
