import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { test, expect, startServe, stopServe, type ServedApp } from './fixtures';
import { ContainersPage } from './pages/containers-page';
import { seriousViolations } from './ux/checks';
import { ContextsStore } from '../../main/engines/contexts-store';
import { busyboxImage, dockerCli, docker as localDocker } from '../support/engine';
import { RUN_ID, TEST_LABEL, uniqueName } from '../support/run-id';
import { startSecondDockerd, type SecondDockerd } from '../support/second-dockerd';

const exec = promisify(execFile);

/** The local dockerd, a TLS second dockerd and Podman's API service as three docker CLI contexts of one served Porthole. */
test.describe('engines side by side', () => {
  test.skip(!existsSync('/usr/bin/podman'), 'Podman is not installed');

  let second: SecondDockerd;
  let served: ServedApp;
  let dir: string;
  let podman: ChildProcess | undefined;
  const image = busyboxImage();
  const localName = uniqueName('ph-sbs-local');
  const tlsName = uniqueName('ph-sbs-tls');
  const podmanName = uniqueName('ph-sbs-podman');
  const lateName = uniqueName('ph-sbs-late');
  const sleeper = ['/bin/busybox', 'sleep', '600'];

  const runOnPodman = (name: string) => exec('podman', ['run', '-d', '--name', name, '--label', `${TEST_LABEL}=${RUN_ID}`, `localhost/${image}`, ...sleeper]);

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    dir = await mkdtemp(join(tmpdir(), 'porthole-e2e-sbs-'));
    const socket = join(dir, 'podman.sock');
    podman = spawn('podman', ['system', 'service', '--time=0', `unix://${socket}`], { stdio: 'ignore', detached: true });
    second = await startSecondDockerd('sbs-e2e', { tcpTls: true });
    const contexts = new ContextsStore(join(dir, 'docker-config'));
    const tls = second.tcp!.tls;
    await contexts.create({
      name: 'ph-tls',
      description: '',
      host: `tcp://127.0.0.1:${second.tcp!.port}`,
      tls: { ca: join(tls.certDir, 'ca.pem'), cert: join(tls.certDir, 'cert.pem'), key: join(tls.certDir, 'key.pem') },
      skipTlsVerify: false,
    });
    await contexts.create({ name: 'ph-podman', description: '', host: `unix://${socket}`, skipTlsVerify: false });
    const tar = join(dir, 'busybox.tar');
    await dockerCli('save', '-o', tar, image);
    await exec('podman', ['load', '-q', '-i', tar]);
    const load = await second.docker.loadImage(await localDocker.getImage(image).get());
    await new Promise((resolve, reject) => second.docker.modem.followProgress(load, (err) => (err ? reject(err) : resolve(null))));
    const labels = { [TEST_LABEL]: RUN_ID };
    await (await localDocker.createContainer({ Image: image, name: localName, Cmd: sleeper, Labels: labels })).start();
    await (await second.docker.createContainer({ Image: image, name: tlsName, Cmd: sleeper, Labels: labels, StopTimeout: 1 })).start();
    await runOnPodman(podmanName);
    for (let i = 0; i < 200 && !existsSync(socket); i++) await new Promise((r) => setTimeout(r, 100));
    served = await startServe({ DOCKER_CONFIG: join(dir, 'docker-config'), DOCKER_HOST: '', DOCKER_CONTEXT: '' });
  });

  test.afterAll(async () => {
    if (served) await stopServe(served);
    await localDocker.getContainer(localName).remove({ force: true }).catch(() => {});
    await exec('podman', ['rm', '-f', '-t', '0', podmanName, lateName]).catch(() => {});
    await exec('podman', ['rmi', '-f', `localhost/${image}`]).catch(() => {});
    if (podman?.pid) process.kill(-podman.pid, 'SIGTERM');
    await second?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const switchTo = async (page: Page, name: string) => {
    const switcher = page.getByTestId('engine-switcher');
    // The switcher stays open after a switch: open it only when it is closed.
    if ((await switcher.getAttribute('open')) === null) await switcher.locator('summary').click();
    await switcher.getByRole('button', { name: new RegExp(name) }).click();
    // Podman answers /version in ~1.5 s idle and several seconds on this shared machine.
    await expect(page.getByTestId('current-engine')).toHaveText(name, { timeout: 60_000 });
  };

  test('switching to Podman in the UI lists only Podman’s containers', async ({ page }) => {
    test.setTimeout(150_000);
    const containers = new ContainersPage(page);
    await containers.open(served.url);
    await containers.filter(RUN_ID);
    await expect(containers.row(localName)).toBeVisible();
    await switchTo(page, 'ph-podman');
    await expect(containers.row(podmanName)).toBeVisible({ timeout: 30_000 });
    await expect(containers.row(localName)).toHaveCount(0);
    await expect(containers.row(tlsName)).toHaveCount(0);
    await switchTo(page, 'default');
    await expect(containers.row(localName)).toBeVisible();
  });

  test('all engines: one list with each engine’s containers, live, and actions sent to the row’s engine', async ({ page }) => {
    test.setTimeout(150_000);
    const containers = new ContainersPage(page);
    await containers.open(served.url);
    await page.getByRole('button', { name: 'All engines' }).click();
    await page.getByLabel('Search containers on all engines').fill(RUN_ID);
    const row = (name: string) => page.locator(`[data-testid="all-engines-row"][data-name="${name}"]`);
    await expect(row(localName)).toHaveAttribute('data-engine', 'default', { timeout: 30_000 });
    await expect(row(tlsName)).toHaveAttribute('data-engine', 'ph-tls');
    await expect(row(podmanName)).toHaveAttribute('data-engine', 'ph-podman');
    await expect(row(tlsName).getByTestId('row-engine')).toHaveText('ph-tls');

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: 'test-results/engines-side-by-side-1280.png' });
    await page.setViewportSize({ width: 800, height: 600 });
    await page.screenshot({ path: 'test-results/engines-side-by-side-800.png' });
    expect(await seriousViolations(page, '.ct-page')).toEqual([]);

    // Made by Podman's own CLI after the page opened: Podman's events stream brings it.
    await runOnPodman(lateName);
    await expect(row(lateName)).toHaveAttribute('data-engine', 'ph-podman', { timeout: 30_000 });

    await page.getByTestId('engine-filter').selectOption({ label: 'ph-tls' });
    await expect(row(tlsName)).toBeVisible();
    await expect(row(localName)).toHaveCount(0);
    await page.getByRole('button', { name: `Stop ${tlsName} on ph-tls`, exact: true }).click();
    await expect(row(tlsName)).toHaveAttribute('data-state', 'exited', { timeout: 30_000 });
    expect((await second.docker.getContainer(tlsName).inspect()).State.Running).toBe(false);
    expect((await localDocker.getContainer(localName).inspect()).State.Running).toBe(true);

    // Removal asks first, as in the one-engine list, and goes to that engine.
    await page.getByRole('button', { name: `Remove ${tlsName} on ph-tls`, exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(row(tlsName)).toHaveCount(0);
    expect((await second.docker.listContainers({ all: true })).some((c) => c.Names.includes(`/${tlsName}`))).toBe(false);

    // Opening another engine's container offers the switch.
    await page.getByTestId('engine-filter').selectOption({ label: 'ph-podman' });
    await row(podmanName).getByRole('button', { name: podmanName, exact: true }).click();
    await expect(page.getByRole('dialog')).toContainText('runs on ph-podman');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  });
});
