import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { DeployPage } from './pages/deploy-page';
import { uniqueName } from '../support/run-id';
import { LOCAL_REGISTRY, pushNodeBaseImage } from '../support/base-images';
import { askForHostNode, copyDeployFixture, removeDeployedApp } from '../support/deploy-apps';
import { layoutProblems, seriousViolations } from './ux/checks';

let folder = '';
const appName = uniqueName('e2e-required-env');

// Building and pushing the host-node base image (beforeAll) and a real deploy take long on a loaded 2-core machine.
test.describe.configure({ timeout: 300_000 });

test.beforeAll(async () => {
  await pushNodeBaseImage();
  folder = await copyDeployFixture('node-required-env', 'porthole-deploy-traps-e2e-');
  await askForHostNode(folder, { name: appName });
});

test.afterAll(async () => {
  await removeDeployedApp(appName);
  await rm(folder, { recursive: true, force: true });
});

test('the Deploy view lists what the rules found, with file, line and the quoted code', async ({ page, served }) => {
  await page.goto(served.url);
  const nav = page.getByRole('navigation');
  await nav.getByRole('link', { name: 'Deploy' }).or(nav.getByRole('button', { name: 'Deploy' })).click();
  await page.setViewportSize({ width: 800, height: 600 });
  const deploy = new DeployPage(page);
  await deploy.folder.fill(join(__dirname, '../fixtures/deploy/python-flask-localhost'));
  await deploy.readFolder.click();
  const findings = page.getByTestId('deploy-findings');
  await expect(findings.locator('[data-rule="bind-address"]')).toContainText('from app.py:19');
  await expect(findings.locator('[data-rule="data-path"]')).toContainText('DB_PATH=/data/guestbook.db');
  await expect(page.getByText('required · app.py:7')).toBeVisible();
  expect(await seriousViolations(page, 'section[aria-label="Deploy plan"]')).toEqual([]);
  expect((await layoutProblems(page)).filter((p) => !/^(input|textarea)\./.test(p.element))).toEqual([]);
  await page.locator('section[aria-label="Deploy plan"]').screenshot({ path: test.info().outputPath('deploy-findings-800.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator('section[aria-label="Deploy plan"]').screenshot({ path: test.info().outputPath('deploy-findings-1280.png') });
});

test('the Deploy view shows where facts came from and asks for a required variable before building', async ({ page, served }) => {
  const deploy = new DeployPage(page);
  await page.goto(served.url);
  // The sidebar's entries are links (buttons before); either opens the view.
  const nav = page.getByRole('navigation');
  await nav.getByRole('link', { name: 'Deploy' }).or(nav.getByRole('button', { name: 'Deploy' })).click();
  await page.setViewportSize({ width: 800, height: 600 });
  await deploy.folder.fill(folder);
  await deploy.mirror.fill(LOCAL_REGISTRY);
  await deploy.readFolder.click();

  // The port's source names the file, the line, and quotes it.
  await expect(page.getByText('from server.js:8')).toBeVisible();
  await expect(page.getByText('const port = process.env.PORT || 8080;').first()).toBeVisible();
  const token = page.getByLabel('Value of API_TOKEN');
  await expect(token).toHaveAttribute('aria-required', 'true');
  await expect(page.getByText('required · server.js:3')).toBeVisible();
  await expect(page.getByTestId('deploy-missing-env')).toContainText('API_TOKEN (server.js:3)');
  await expect(deploy.deployButton).toBeDisabled();
  expect(await seriousViolations(page, 'section[aria-label="Deploy plan"]')).toEqual([]);
  expect(await seriousViolations(page, 'section[aria-label="Deploy progress"]')).toEqual([]);
  // Text fields scroll their own long values (a generated name, Dockerfile lines); nothing else may overflow at 800 px.
  expect((await layoutProblems(page)).filter((p) => !/^(input|textarea)\./.test(p.element))).toEqual([]);
  await page.locator('section[aria-label="Deploy plan"]').screenshot({ path: test.info().outputPath('deploy-required-env-800.png') });

  await token.fill('s3cret');
  await expect(deploy.deployButton).toBeEnabled();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator('section[aria-label="Deploy plan"]').screenshot({ path: test.info().outputPath('deploy-required-env-1280.png') });
  // Pull + build + run take well over a minute when the 2-core machine is loaded.
  const popup = page.waitForEvent('popup', { timeout: 200_000 });
  await deploy.deployButton.click();
  await expect(deploy.url).toBeVisible({ timeout: 200_000 });
  const opened = await popup;
  await opened.waitForLoadState();
  await expect(opened.locator('body')).toHaveText('token of 6 characters, greeting none');
});
