import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { DeployPage } from './pages/deploy-page';
import { docker } from '../support/engine';
import { uniqueName } from '../support/run-id';
import { findFreePort } from '../../main/lib/ports';
import { LOCAL_REGISTRY, pushNodeBaseImage } from '../support/base-images';
import { askForHostNode, copyDeployFixture, removeDeployedApp } from '../support/deploy-apps';

let folder = '';
const appName = uniqueName('e2e-deploy');

test.beforeAll(async () => {
  await pushNodeBaseImage();
  folder = await copyDeployFixture('node-start-script', 'porthole-deploy-e2e-');
  await askForHostNode(folder, { name: appName, scripts: { start: 'node server.js' } }, 'replace');
  await writeFile(join(folder, '.env'), 'GREETING=deployed from the Deploy view\n');
});

test.afterAll(async () => {
  // Only what this file made: removeRunObjects() here would also delete the run's shared busybox
  // image that later spec files build on (the global teardown removes the rest of the run's objects).
  await removeDeployedApp(appName);
  await rm(folder, { recursive: true, force: true });
});

test('deploys the Node fixture from the Deploy view and opens its URL', async ({ page, served }) => {
  const deploy = new DeployPage(page);
  await deploy.open(served.url);
  await deploy.folder.fill(folder);
  await deploy.mirror.fill(LOCAL_REGISTRY);
  await deploy.readFolder.click();

  await expect(deploy.facts.locator('[data-fact="runtime"]')).toContainText('node');
  await expect(deploy.facts.locator('[data-fact="version"]')).toContainText('from package.json:engines.node');
  await expect(deploy.dockerfile).toHaveValue(new RegExp(`FROM ${LOCAL_REGISTRY.replace(/\./g, '\\.')}/library/node:\\d+-slim`));

  // The host port the user picks (#20 item 7): the app answers there.
  const hostPort = (await findFreePort(21_000 + Math.floor(Math.random() * 8_000)))!;
  await page.getByLabel('Host port').fill(String(hostPort));
  const popup = page.waitForEvent('popup', { timeout: 60_000 });
  await deploy.deployButton.click();
  await expect(deploy.url).toBeVisible({ timeout: 60_000 });
  const url = (await deploy.url.textContent()) ?? '';
  expect(url).toBe(`http://127.0.0.1:${hostPort}`);
  for (const stage of ['plan', 'dockerfile', 'build', 'run', 'wait']) await expect(deploy.stage(stage)).toHaveAttribute('data-state', 'done');
  await expect(deploy.stage('open')).toHaveAttribute('data-state', 'skipped');
  // Pulled before the build, or skipped when another run left the base image here.
  await expect(deploy.stage('pull')).toHaveAttribute('data-state', /^(done|skipped)$/);
  // The deploy is listed under the plan, newest first.
  const history = page.getByTestId('deploy-history');
  await expect(history.getByRole('heading')).toHaveText(`Recent deploys of ${appName}`);
  const latest = history.getByTestId('deploy-history-row').first();
  await expect(latest).toHaveAttribute('data-result', 'succeeded');
  await expect(latest.getByRole('link')).toHaveText(url);

  // The view opened the app: the new tab shows what the app serves.
  const opened = await popup;
  await opened.waitForLoadState();
  expect(opened.url().replace(/\/$/, '')).toBe(url);
  await expect(opened.locator('body')).toHaveText('deployed from the Deploy view');
  const answer = await fetch(url);
  expect(answer.status).toBe(200);
  expect(await answer.text()).toBe('deployed from the Deploy view');

  const containers = await docker.listContainers({ filters: { label: ['porthole.app'] } });
  expect(containers.some((c) => c.Ports.some((p) => url.endsWith(`:${p.PublicPort}`)))).toBe(true);

  // The deploy wrote nothing into the folder; the Dockerfile reaches it only when the user saves it, never overwriting.
  expect((await readdir(folder)).sort()).toEqual(['.env', '.env.example', 'package.json', 'server.js']);
  const save = page.getByTestId('deploy-save-files');
  await save.getByRole('button', { name: 'Save Dockerfile to the folder' }).click();
  await expect(save.getByRole('status')).toHaveText(`Wrote Dockerfile.porthole and .dockerignore in ${folder}. The next deploy of this folder builds from Dockerfile.porthole as it is: edit it to change the build.`);
  expect(await readFile(join(folder, 'Dockerfile.porthole'), 'utf8')).toBe(await deploy.dockerfile.inputValue());
  expect(await readFile(join(folder, '.dockerignore'), 'utf8')).toMatch(/^node_modules$/m);
  await save.getByRole('button', { name: 'Save Dockerfile to the folder' }).click();
  await expect(save.getByRole('alert')).toHaveAttribute('data-error-code', 'CONFLICT');
  await expect(save.getByRole('alert')).toContainText('Dockerfile.porthole already exists');
});
