import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docker } from './engine';

/** The deploy fixtures (test/fixtures/deploy): one app folder each. */
export const DEPLOY_FIXTURES = join(__dirname, '../fixtures/deploy');

/** A copy of a deploy fixture in a fresh temporary folder (the caller removes it). */
export async function copyDeployFixture(fixture: string, tempPrefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), tempPrefix));
  await cp(join(DEPLOY_FIXTURES, fixture), dir, { recursive: true });
  return dir;
}

/**
 * Makes the app's package.json ask for this host's Node major: the tests' Node base image is this host's node,
 * the only one here. `keep` keeps the fixture's own fields; `fields` are set over them.
 */
export async function askForHostNode(folder: string, fields: Record<string, unknown> = {}, keep: 'keep fixture fields' | 'replace' = 'keep fixture fields'): Promise<void> {
  const path = join(folder, 'package.json');
  const own = keep === 'replace' ? {} : (JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>);
  await writeFile(path, JSON.stringify({ ...own, ...fields, engines: { node: process.versions.node.split('.')[0] } }));
}

/**
 * Removes the containers (with their anonymous volumes) and images of a deployed app, found by its
 * `porthole.app` label, and nothing else.
 */
export async function removeDeployedApp(name: string): Promise<void> {
  const filters = { label: [`porthole.app=${name}`] };
  for (const c of await docker.listContainers({ all: true, filters })) await docker.getContainer(c.Id).remove({ force: true, v: true }).catch(() => {});
  for (const i of await docker.listImages({ filters })) await docker.getImage(i.Id).remove({ force: true }).catch(() => {});
}
