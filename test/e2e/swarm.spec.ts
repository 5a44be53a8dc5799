import { test, expect } from '@playwright/test';
import { startServe, stopServe, type ServedApp } from './fixtures';
import { buildHttpdImage, startSwarmEngine, type SwarmEngine } from '../support/swarm-engine';
import { RUN_ID, TEST_LABEL } from '../support/run-id';

/**
 * Swarm end to end: the browser host connected to a second dockerd of the rig, turned into a single-node
 * Swarm from the UI; deploy, scale, rolling update, rollback and remove by clicking.
 */
let engine: SwarmEngine;
let served: ServedApp;
const v1 = `porthole-e2e-swarm:v1-${RUN_ID}`;
const v2 = `porthole-e2e-swarm:v2-${RUN_ID}`;
const service = `e2e-web-${RUN_ID}`.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 50);

test.beforeAll(async () => {
  test.setTimeout(120_000);
  engine = await startSwarmEngine(5, { initSwarm: false });
  await buildHttpdImage(engine, v1, 'swarm one', { [TEST_LABEL]: RUN_ID });
  await buildHttpdImage(engine, v2, 'swarm two', { [TEST_LABEL]: RUN_ID });
  served = await startServe({ DOCKER_HOST: engine.dockerHost });
});

test.afterAll(async () => {
  if (served) await stopServe(served);
  await engine?.stop();
});

/** Each running replica's page, through the host-mode port its task published (the engine's task record). */
async function taskPages(): Promise<string[]> {
  const tasks = (await engine.cli('service', 'ps', '-q', '--filter', 'desired-state=running', service).catch(() => '')).split('\n').filter(Boolean);
  const pages: string[] = [];
  for (const task of tasks) {
    const state = await engine.cli('inspect', '--format', '{{.Status.State}} {{range .Status.PortStatus.Ports}}{{.PublishedPort}} {{end}}', task);
    const [status, port] = state.split(' ');
    if (status === 'running' && port) pages.push(await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text()).catch(() => 'unreachable'));
  }
  return pages;
}

test('turn the engine into a Swarm, deploy 2 replicas, scale 2 → 3 → 1, update, roll back and remove a service by clicking', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(served.url);
  await page.locator('a[data-view="orchestrators"]').click();
  await page.getByRole('button', { name: 'Turn this engine into a single-node Swarm…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start the Swarm' }).click();
  await expect(page.getByTestId('swarm-nodes')).toContainText('manager');

  await page.getByRole('button', { name: 'Deploy a service…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deploy to Swarm' });
  await dialog.getByLabel('Service name').fill(service);
  await dialog.getByLabel('Image').fill(v1);
  await dialog.getByLabel('Container port').fill('80');
  await dialog.getByLabel(/Host — only nodes/).check();
  await dialog.getByRole('button', { name: 'Deploy' }).click();
  const row = page.locator(`[data-service="${service}"]`);
  await expect(row.getByTestId('replicas')).toHaveText('2/2', { timeout: 60_000 });
  await expect.poll(taskPages, { timeout: 30_000 }).toEqual(['swarm one', 'swarm one']);

  await row.getByRole('button', { name: 'Scale' }).click();
  await page.getByRole('dialog').getByLabel('Replicas').fill('3');
  await page.getByRole('dialog').getByRole('button', { name: 'Scale to 3' }).click();
  await expect(row.getByTestId('replicas')).toHaveText('3/3', { timeout: 60_000 });
  await row.getByRole('button', { name: 'Scale' }).click();
  await page.getByRole('dialog').getByLabel('Replicas').fill('1');
  await page.getByRole('dialog').getByRole('button', { name: 'Scale to 1' }).click();
  await expect(row.getByTestId('replicas')).toHaveText('1/1', { timeout: 60_000 });

  await row.getByRole('button', { name: 'Update' }).click();
  const update = page.getByRole('dialog', { name: `Update ${service}` });
  await update.getByLabel('New image').fill(v2);
  await update.getByRole('button', { name: 'Start rolling update' }).click();
  await expect(update.getByTestId('swarm-update-progress')).toContainText('1 of 1 replicas on the new image', { timeout: 120_000 });
  await expect(update.getByRole('status')).toContainText(`Every replica runs ${v2}`);
  await update.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(taskPages, { timeout: 30_000 }).toEqual(['swarm two']);

  await row.getByRole('button', { name: 'Roll back' }).click();
  await expect.poll(taskPages, { timeout: 120_000 }).toEqual(['swarm one']);

  await row.getByRole('button', { name: service }).click();
  await expect(page.getByTestId('swarm-tasks')).toContainText(v1);

  await row.getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove the service' }).click();
  await expect(row).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(async () => engine.cli('ps', '-aq', '--filter', `label=com.docker.swarm.service.name=${service}`), { timeout: 30_000 }).toBe('');
});
