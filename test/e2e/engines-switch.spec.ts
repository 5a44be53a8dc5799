import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, startServe, stopServe, type ServedApp } from './fixtures';
import { ContainersPage } from './pages/containers-page';
import { seriousViolations } from './ux/checks';
import { ContextsStore } from '../../main/engines/contexts-store';
import { busyboxImage, docker as localDocker } from '../support/engine';
import { RUN_ID, testLabels, uniqueName } from '../support/run-id';
import { startSecondDockerd, type SecondDockerd } from '../support/second-dockerd';

let second: SecondDockerd;
let served: ServedApp;
let configDir: string;
const localName = uniqueName('ph-local');
const tlsName = uniqueName('ph-tls');

async function runOn(docker: typeof localDocker, name: string): Promise<void> {
  const c = await docker.createContainer({ Image: busyboxImage(), name, Cmd: ['/bin/busybox', 'sleep', '600'], Labels: testLabels() });
  await c.start();
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  second = await startSecondDockerd('engines-e2e', { tcpTls: true });
  configDir = await mkdtemp(join(tmpdir(), 'porthole-e2e-docker-config-'));
  const tls = second.tcp!.tls;
  await new ContextsStore(configDir).create({
    name: 'ph-tls',
    description: '',
    host: `tcp://127.0.0.1:${second.tcp!.port}`,
    tls: { ca: join(tls.certDir, 'ca.pem'), cert: join(tls.certDir, 'cert.pem'), key: join(tls.certDir, 'key.pem') },
    skipTlsVerify: false,
  });
  const load = await second.docker.loadImage(await localDocker.getImage(busyboxImage()).get());
  await new Promise((resolve, reject) => second.docker.modem.followProgress(load, (err) => (err ? reject(err) : resolve(null))));
  await runOn(localDocker, localName);
  await runOn(second.docker, tlsName);
  served = await startServe({ DOCKER_CONFIG: configDir, DOCKER_HOST: '', DOCKER_CONTEXT: '' });
});

test.afterAll(async () => {
  if (served) await stopServe(served);
  await localDocker.getContainer(localName).remove({ force: true }).catch(() => {});
  await second?.stop();
  if (configDir) await rm(configDir, { recursive: true, force: true });
});

test('switching engines in the sidebar re-lists: each list shows only that engine’s containers', async ({ page }) => {
  const containers = new ContainersPage(page);
  await containers.open(served.url);
  const switcher = page.getByTestId('engine-switcher');
  await expect(page.getByTestId('current-engine')).toHaveText('default');
  await expect(page).toHaveTitle(/default/);
  await containers.filter(RUN_ID);
  await expect(containers.row(localName)).toBeVisible();

  await switcher.locator('summary').click();
  await switcher.getByRole('button', { name: /ph-tls/ }).click();
  await expect(page.getByTestId('current-engine')).toHaveText('ph-tls');
  await expect(page).toHaveTitle(/ph-tls/);
  await expect(containers.row(tlsName)).toBeVisible();
  await expect(containers.row(localName)).toHaveCount(0);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: 'test-results/engines-switcher-1280.png' });
  await page.setViewportSize({ width: 800, height: 600 });
  await page.screenshot({ path: 'test-results/engines-switcher-800.png' });
  expect(await seriousViolations(page, '[data-testid="engine-switcher"]')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(switcher).not.toHaveAttribute('open', '');
  await switcher.locator('summary').press('Enter');

  await switcher.getByRole('button', { name: /default/ }).click();
  await expect(page.getByTestId('current-engine')).toHaveText('default');
  await expect(containers.row(localName)).toBeVisible();
  await expect(containers.row(tlsName)).toHaveCount(0);
});
