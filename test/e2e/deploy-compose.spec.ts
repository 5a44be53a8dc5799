import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { DeployPage } from './pages/deploy-page';
import { layoutProblems, seriousViolations } from './ux/checks';
import { docker } from '../support/engine';
import { findFreePort } from '../../main/lib/ports';
import { removeProject, twoServiceCompose, uniqueProject } from '../support/compose';

// The folder is named after the project, so the plan's project (compose's name for the folder) is unique to this run.
const project = uniqueProject('e2e-dc');
let parent = '';
let folder = '';
let port = 0;

test.beforeAll(async () => {
  // Away from the fixed ports other spec files start from: CI may run them on this engine at the same time.
  port = (await findFreePort(21_000 + Math.floor(Math.random() * 8_000)))!;
  parent = await mkdtemp(join(tmpdir(), 'porthole-deploy-compose-e2e-'));
  folder = join(parent, project);
  await mkdir(folder);
  await writeFile(join(folder, 'compose.yaml'), twoServiceCompose(port));
});

test.afterAll(async () => {
  await removeProject(folder, project);
  await rm(parent, { recursive: true, force: true });
});

test('deploys a compose folder from the Deploy view: compose up, its services, the entry point answers', async ({ page, served }) => {
  test.setTimeout(150_000);
  const deploy = new DeployPage(page);
  await deploy.open(served.url);
  await deploy.folder.fill(folder);
  await deploy.readFolder.click();

  await expect(deploy.composePlan.getByRole('heading')).toHaveText('Plan: compose up');
  await expect(deploy.composePlan).toContainText(`Deploys with compose up: compose.yaml, 2 service(s) as project "${project}"`);
  await expect(deploy.composePlan.getByRole('rowheader', { name: 'web' })).toBeVisible();
  await expect(deploy.composePlan.getByRole('rowheader', { name: 'worker' })).toBeVisible();
  await expect(deploy.composePlan).toContainText('GREETING=•••');
  await expect(deploy.composePlan).not.toContainText('secret-value');
  await expect(deploy.entryPoint).toHaveValue('web');
  await expect(deploy.dockerfile).toHaveCount(0);
  expect(await seriousViolations(page, '[data-testid="compose-plan"]')).toEqual([]);
  expect(await layoutProblems(page)).toEqual([]);

  const popup = page.waitForEvent('popup', { timeout: 90_000 });
  await deploy.deployButton.click();
  const url = `http://127.0.0.1:${port}`;
  await expect(deploy.url).toHaveText(url, { timeout: 90_000 });
  await expect(page.getByTestId('deploy-success')).toContainText(`${project} is up (web, worker).`);
  await expect(deploy.stage('run')).toHaveAttribute('data-state', 'done');
  await expect(deploy.stage('run')).toContainText('Run compose up');
  await expect(deploy.stage('wait')).toHaveAttribute('data-state', 'done');
  for (const stage of ['dockerfile', 'pull', 'build', 'open']) await expect(deploy.stage(stage)).toHaveAttribute('data-state', 'skipped');

  const opened = await popup;
  await opened.waitForLoadState();
  await expect(opened.locator('body')).toContainText('hello-from-web');
  expect(await fetch(url).then((r) => r.text())).toContain('hello-from-web');

  const history = page.getByTestId('deploy-history');
  await expect(history.getByRole('heading')).toHaveText(`Recent deploys of ${project}`);
  const latest = history.getByTestId('deploy-history-row').first();
  await expect(latest).toHaveAttribute('data-result', 'succeeded');
  await expect(latest.getByRole('link')).toHaveText(url);

  const running = await docker.listContainers({ filters: { label: [`com.docker.compose.project=${project}`] } });
  expect(running.map((c) => c.Labels['com.docker.compose.service']).sort()).toEqual(['web', 'worker']);
});
