import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VmMeasurement } from '../../shared/api/vm';
import { test as base, expect, startServe, stopServe, type ServedApp } from './fixtures';
import { ComparePage } from './pages/compare-page';
import { docker, runBusybox } from '../support/engine';
import { uniqueName } from '../support/run-id';

// The VM boot itself is covered by test/integration/vm-measure.test.ts (three real QEMU boots). Here the
// data folder holds a kept measurement — this machine's figures from such a run, in the store's own
// format — and the panel must show it in three columns beside the live container.
const dataDir = mkdtempSync(join(tmpdir(), 'porthole-e2e-vm-'));
const test = base.extend<object, { served: ServedApp }>({
  served: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const app = await startServe({ PORTHOLE_DATA_DIR: dataDir });
      await use(app);
      await stopServe(app);
    },
    { scope: 'worker' },
  ],
});

function keptMeasurement(imageId: string, image: string, containerName: string): VmMeasurement {
  return {
    image,
    imageId,
    containerName,
    measuredAtMs: Date.now() - 60_000,
    machine: { hostname: 'this-host', cpuModel: 'AMD EPYC', cpus: 2, memoryBytes: 25_275_953_152, os: 'Linux 6.18' },
    accelerator: 'tcg',
    emulated: true,
    fallback: null,
    qemu: '/usr/bin/qemu-system-x86_64',
    kernel: '/boot/vmlinuz-6.1.0-57-cloud-amd64',
    guestMemoryMiB: 256,
    guestPort: 8080,
    vm: { kernelMs: 2900, initMs: 9800, answerMs: 11_300, rssBytes: 245_182_464, idleCpuPercent: 5.2, diskBytes: 16_415_203, kernelBytes: 14_190_528, initramfsBytes: 2_224_675, rootfsBytes: 4_403_332 },
    container: { answerMs: 310, memoryBytes: 466_944, idleCpuPercent: 0.2, imageBytes: 1_982_265, diskBytes: 1_982_265 },
    sameAnswer: true,
    idleSeconds: 3,
  };
}

test.describe('Container vs VM: one workload, three ways', () => {
  const name = uniqueName('cmp-vm-e2e');
  let id = '';

  test.beforeAll(async () => {
    id = await runBusybox(name, ['/bin/busybox', 'httpd', '-f', '-p', '8080'], ['-p', '127.0.0.1::8080']);
    const info = await docker.getContainer(id).inspect();
    const results = [keptMeasurement(info.Image, info.Config.Image, name)];
    writeFileSync(join(dataDir, 'vm-measurements.json'), JSON.stringify({ version: 1, results }));
  });

  test.afterAll(async () => {
    await docker.getContainer(id).remove({ force: true }).catch(() => {});
  });

  test('shows the container, the local VM (accelerator named, emulation labelled on every figure) and the quoted cloud profile', async ({ page, served }) => {
    await page.setViewportSize({ width: 800, height: 900 });
    const compare = new ComparePage(page);
    await compare.open(served.url);
    const section = page.getByTestId('cmp-vm-measure');
    await expect(section.getByLabel('Container').locator('option', { hasText: name })).toHaveCount(1);
    await section.getByLabel('Container').selectOption(id);
    const table = page.getByTestId('cmp-three');
    await expect(table).toBeVisible();
    await expect(table.getByTestId('cmp-three-container')).toHaveText('Container (measured)');
    await expect(table.getByTestId('cmp-three-vm')).toHaveText('Local VM, TCG (measured) — emulated');
    await expect(table.getByTestId('cmp-three-cloud')).toHaveText(/Azure Standard_B1s.*\(quoted\)/);

    const start = table.getByTestId('cmp-three-start');
    await expect(start.locator('td').nth(0)).toHaveText('310 ms');
    await expect(start.locator('td').nth(1)).toContainText('11.3 s');
    await expect(start.locator('td').nth(2)).toContainText('not published');
    await expect(table.getByTestId('cmp-three-memory').locator('td').nth(1)).toContainText('234 MiB');
    await expect(table.getByTestId('cmp-three-disk').locator('td').nth(1)).toContainText('16.4 MB');
    for (const row of ['start', 'memory', 'disk', 'cpu', 'density']) {
      await expect(table.getByTestId(`cmp-three-${row}`).locator('td').nth(1)).toContainText('emulated — slower than a real VM');
    }
    // Density from the measured figures: host memory over each side's measured memory.
    await expect(table.getByTestId('cmp-three-density').locator('td').nth(0)).toHaveText(/^[\d,]+/);
    await expect(page.getByTestId('cmp-three-source').first()).toBeVisible();
    await expect(section.getByRole('button', { name: 'Measure again as a VM' })).toBeVisible();

    const violations = (await new AxeBuilder({ page }).include('[data-testid="cmp-vm-measure"]').analyze()).violations;
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    await page.screenshot({ path: 'test-results/compare-vm-800.png', fullPage: false });
    await page.setViewportSize({ width: 1280, height: 800 });
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/compare-vm-1280.png' });
  });

  test('says what to install when QEMU is missing, and lets the user point at a kernel', async ({ page }) => {
    const app = await startServe({ PORTHOLE_QEMU: '/nonexistent/qemu-system-x86_64' });
    try {
      const compare = new ComparePage(page);
      await compare.open(app.url);
      const setup = page.getByTestId('cmp-vm-setup');
      await expect(setup).toContainText('PORTHOLE_QEMU=/nonexistent/qemu-system-x86_64 is not an executable.');
      await expect(setup).toContainText('apt-get install qemu-system-x86 linux-image-cloud-amd64');
      await expect(setup).toContainText('brew install qemu');
      await page.getByLabel('Kernel image (vmlinuz)').fill('/nonexistent/vmlinuz-9');
      await page.getByRole('button', { name: 'Check again' }).click();
      await expect(setup).toContainText('The kernel /nonexistent/vmlinuz-9 does not exist or is not a file.');
      await expect(page.getByRole('button', { name: /Measure .*as a VM/ })).toBeDisabled();
    } finally {
      await stopServe(app);
    }
  });
});
