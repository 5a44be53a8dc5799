import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { seriousViolations } from './ux/checks';
import { ContextsStore } from '../../main/engines/contexts-store';
import { startServedHost, stopServedHost, type ServedHost } from '../support/served-host';
import { uniqueName } from '../support/run-id';

let configDir: string;
const started: ServedHost[] = [];
const serve = async (args: string[] = []) => {
  const host = await startServedHost({ DOCKER_CONFIG: configDir, DOCKER_HOST: '', DOCKER_CONTEXT: '' }, 'porthole-e2e-data-', [], args);
  started.push(host);
  return host;
};

test.beforeAll(async () => {
  configDir = await mkdtemp(join(tmpdir(), 'porthole-e2e-add-engine-'));
});

test.afterAll(async () => {
  await Promise.all(started.map((h) => stopServedHost(h)));
  if (configDir) await rm(configDir, { recursive: true, force: true });
});

test('on loopback the switcher adds a docker context, by keyboard, at 800 px', async ({ page }) => {
  const served = await serve();
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(served.url);
  const switcher = page.getByTestId('engine-switcher');
  await expect(page.getByTestId('current-engine')).not.toHaveText('…');
  await switcher.locator('summary').focus();
  await page.keyboard.press('Enter');
  const toggle = switcher.getByRole('button', { name: /Add an engine/ });
  await toggle.focus();
  await page.keyboard.press('Enter');
  const name = uniqueName('ph-added');
  await switcher.getByLabel('Name').fill(name);
  await switcher.getByLabel('Address').fill('tcp://127.0.0.1:2376');
  await expect(switcher.getByLabel(/TLS ca file/)).toBeVisible();
  expect(await seriousViolations(page, '[data-testid="engine-switcher"]')).toEqual([]);
  await page.screenshot({ path: 'test-results/engines-add-800.png' });
  await switcher.getByLabel('Address').press('Enter');
  await expect(switcher.getByRole('button', { name: new RegExp(name) })).toBeVisible();
  expect(new ContextsStore(configDir).find(name)).toBeTruthy();
});

test('bound off loopback the switcher says why engines cannot be added, and offers no form', async ({ page }) => {
  const served = await serve(['--host', '0.0.0.0', '--allow-remote']);
  await page.goto(served.url.replace('0.0.0.0', '127.0.0.1'));
  const switcher = page.getByTestId('engine-switcher');
  await switcher.locator('summary').click();
  await expect(switcher.getByTestId('add-engine-refused')).toHaveText(/Engines can be added only from the machine Porthole runs on: this browser host listens on 0\.0\.0\.0/);
  await expect(switcher.getByRole('button', { name: /Add an engine/ })).toHaveCount(0);
  expect(await seriousViolations(page, '[data-testid="engine-switcher"]')).toEqual([]);
});
