import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { layoutProblems, seriousViolations } from './ux/checks';
import { docker } from '../support/engine';
import { findFreePort } from '../../main/lib/ports';
import { composeCli, removeProject, twoServiceCompose, uniqueProject, writeComposeFolder } from '../support/compose';

const cleanups: (() => Promise<void>)[] = [];
test.afterAll(async () => {
  for (const c of cleanups) await c();
});

test('open a compose folder, preview, Up, follow merged logs, stop a service live, Down keeps the volume', async ({ page, served }, testInfo) => {
  test.setTimeout(180_000);
  const port = (await findFreePort(18_500))!;
  const name = uniqueProject('e2e');
  const dir = await writeComposeFolder({ 'compose.yaml': twoServiceCompose(port), '.env': 'UNUSED=1\n' });
  cleanups.push(() => removeProject(dir, name));

  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(served.url);
  await page.locator('nav[aria-label="Sections"] a[data-view="projects"]').click();
  await expect(page.getByTestId('compose-binary')).toContainText('docker-compose', { timeout: 75_000 });
  await page.getByLabel('Folder or compose file').fill(dir);
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByTestId('compose-preview');
  await expect(preview.getByRole('rowheader', { name: 'web' })).toBeVisible();
  await expect(preview).toContainText('GREETING=•••');
  await expect(preview).not.toContainText('secret-value');
  const projectName = name;
  await page.getByLabel('Project name').fill(projectName);
  await page.getByRole('button', { name: `Up ${projectName}` }).click();

  const card = page.locator(`article[data-project="${projectName}"]`);
  await expect(card.getByRole('rowheader', { name: 'web' })).toBeVisible({ timeout: 90_000 });
  await expect(card.getByRole('rowheader', { name: 'worker' })).toBeVisible();
  await expect(card.getByTestId('project-state')).toContainText('2 of 2 running', { timeout: 30_000 });
  await expect(async () => {
    expect(await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text())).toContain('hello-from-web');
  }).toPass({ timeout: 15_000 });

  await card.getByRole('button', { name: 'Logs' }).click();
  const logs = card.getByTestId('project-logs');
  await expect(logs.locator('[data-service="worker"]').first()).toBeVisible({ timeout: 15_000 });
  await expect(logs.locator('[data-service="web"]').first()).toBeVisible();
  const times = await logs.locator('.log-line').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-time'))));
  expect(times).toEqual([...times].sort((a, b) => a - b));

  expect(await seriousViolations(page, 'main')).toEqual([]);
  expect(await layoutProblems(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('projects-800.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath('projects-1280.png'), fullPage: true });
  if (process.env.PORTHOLE_SHOTS) for (const f of ['projects-800.png', 'projects-1280.png']) copyFileSync(testInfo.outputPath(f), join(process.env.PORTHOLE_SHOTS, f));
  // Keyboard: the service actions are reachable by Tab and work with Enter.
  await card.getByRole('button', { name: 'Stop worker' }).focus();
  await expect(card.getByRole('button', { name: 'Stop worker' })).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(card.locator('tr[data-service="worker"]').getByTestId('service-state')).toHaveText('exited', { timeout: 30_000 });
  await expect(card.getByTestId('project-state')).toContainText('1 of 2 running');

  await card.getByRole('button', { name: 'Down…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Down', exact: true }).click();
  await expect(card).toHaveCount(0, { timeout: 60_000 });
  const volumes = (await docker.listVolumes({ filters: { label: [`com.docker.compose.project=${projectName}`] } })).Volumes ?? [];
  expect(volumes.map((v) => v.Name)).toEqual([`${projectName}_data`]);
  await docker.getVolume(`${projectName}_data`).remove();
});

test('a project the CLI starts appears without a reload; a broken file shows line and column', async ({ page, served }) => {
  test.setTimeout(120_000);
  const port = (await findFreePort(18_700))!;
  const name = uniqueProject('e2e');
  const dir = await writeComposeFolder({ 'compose.yaml': twoServiceCompose(port) });
  cleanups.push(() => removeProject(dir, name));
  await page.goto(served.url);
  await page.locator('nav[aria-label="Sections"] a[data-view="projects"]').click();
  await composeCli(dir, name, 'up', '-d');
  await expect(page.locator(`article[data-project="${name}"]`).getByTestId('project-state')).toContainText('2 of 2 running', { timeout: 30_000 });

  const broken = await writeComposeFolder({ 'docker-compose.yml': 'services:\n  web:\n    image: x\n    prots:\n      - "80:80"\n' });
  await page.getByLabel('Folder or compose file').fill(broken);
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('compose-problems')).toContainText('docker-compose.yml:4:5');
  await expect(page.getByTestId('compose-problems')).toContainText('"prots" is not allowed');
  await expect(page.getByRole('button', { name: /^Up / })).toBeDisabled();
});
