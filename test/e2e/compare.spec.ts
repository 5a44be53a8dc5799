import { test, expect } from './fixtures';
import { ComparePage } from './pages/compare-page';
import { docker, runBusybox } from '../support/engine';
import { uniqueName } from '../support/run-id';

/** Watches the page's WebSocket: which `compare:watch` subscriptions it opened, closed, and what data arrived for them. */
function trackCompareStreams(page: import('@playwright/test').Page) {
  const opened = new Set<string>();
  const closed = new Set<string>();
  const dataAt = new Map<string, number>();
  page.on('websocket', (ws) => {
    ws.on('framesent', ({ payload }) => {
      const msg = JSON.parse(String(payload)) as { t: string; id?: string; channel?: string };
      if (msg.t === 'subscribe' && msg.channel === 'compare:watch' && msg.id) opened.add(msg.id);
      if (msg.t === 'unsubscribe' && msg.id && opened.has(msg.id)) closed.add(msg.id);
    });
    ws.on('framereceived', ({ payload }) => {
      const msg = JSON.parse(String(payload)) as { t: string; id?: string; message?: { kind: string } };
      if (msg.t === 'stream' && msg.id && opened.has(msg.id) && msg.message?.kind === 'data') dataAt.set(msg.id, Date.now());
    });
  });
  return { opened, closed, dataAt };
}

test.describe('Container vs VM', () => {
  const names = [uniqueName('cmp-e2e-a'), uniqueName('cmp-e2e-b')];
  const ids: string[] = [];

  // Takes `served` so Porthole is already watching engine events when the containers start.
  test.beforeAll(async ({ served }) => {
    expect(served.url).toContain('token=');
    ids.push(await runBusybox(names[0]));
    ids.push(await runBusybox(names[1], ['/bin/busybox', 'httpd', '-f', '-p', '8080'], ['-p', '127.0.0.1::8080']));
  });

  test.afterAll(async () => {
    await Promise.all(ids.map((id) => docker.getContainer(id).remove({ force: true }).catch(() => {})));
  });

  test('shows both containers measured beside the same workloads as VMs, with charts, and stops sampling when left', async ({ page, served }) => {
    const streams = trackCompareStreams(page);
    const compare = new ComparePage(page);
    await compare.open(served.url);

    for (const name of names) {
      const row = compare.containerRow(name);
      await expect(row).toBeVisible();
      await expect(row.getByTestId('cmp-mem')).toHaveText(/^\d+(\.\d)? (B|KiB|MiB|GiB)$/);
      await expect(row.getByTestId('cmp-mem')).toHaveAttribute('title', /without page cache/);
      await expect(row).toContainText(/\d+ ms|\d\.\d+ s/);
      await expect(compare.vmRow(name).getByTestId('cmp-vm-mem')).toHaveText(/^1\.0 GiB = 1\.0 GiB \+ /);
    }
    await expect(compare.containers.getByTestId('cmp-total-row')).toContainText(/Total \(\d+\)/);
    await expect(compare.vms.getByTestId('cmp-vm-total-row')).toContainText(/GiB/);
    await expect(page.getByTestId('cmp-profile-name')).toContainText('Azure Standard_B1s');

    // Charts: both sides drawn, numbers with units, the unpublished boot time said in words.
    await expect(compare.chart('memory').locator('rect').first()).toBeVisible();
    await expect(compare.chart('memory').getByTestId('cmp-chart-memory-value')).toHaveCount(2);
    await expect(compare.chart('memory').getByTestId('cmp-chart-memory-value').nth(1)).toHaveText(/GiB$/);
    await expect(compare.chart('disk').getByTestId('cmp-chart-disk-value').nth(1)).toHaveText(/GB$/);
    await expect(compare.chart('start').getByTestId('cmp-chart-start-note')).toContainText('not published — tens of seconds to minutes, provider dependent');
    expect(await compare.chart('memory').locator('rect title').first().textContent()).toMatch(/without page cache/);
    await expect(compare.density.getByTestId('cmp-density-containers')).toHaveText(/^[\d,]+$/);
    await expect(compare.density.getByTestId('cmp-density-vms')).toHaveText(/^[\d,]+$/);
    await expect(page.getByText('Why the numbers differ')).toBeVisible();

    // Another profile: a published boot time becomes a bar.
    await compare.chooseProfile('Firecracker microVM (spec figures)');
    await expect(compare.chart('start').getByTestId('cmp-chart-start-value').last()).toContainText('125 ms');
    await compare.chooseProfile('Azure Standard_B1s (small cloud VM)');
    await expect(page.getByTestId('cmp-profile-name')).toContainText('Azure Standard_B1s');
    await expect(compare.containerRow(names[0])).toBeVisible();

    // An absurd profile is refused with words, before anything is saved.
    await page.getByRole('button', { name: 'New' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Absurd');
    await page.getByLabel('Id', { exact: true }).fill('absurd');
    await page.getByLabel('Guest memory (the guest OS’s RAM)', { exact: true }).fill('10');
    await page.getByLabel('Guest memory (the guest OS’s RAM) unit').selectOption('TiB');
    await page.getByLabel('vCPUs reserved').fill('0');
    await page.getByTestId('cmp-profile-save').click();
    await expect(page.getByTestId('cmp-profile-problem')).toContainText('guest memory must be at most 4 TiB');
    await expect(page.getByTestId('cmp-profile-problem')).toContainText('at least 1 vCPU');
    await page.getByRole('button', { name: 'Cancel' }).click();

    // The content pane scrolls, not the page: a tall viewport shows all of it in one picture.
    await page.setViewportSize({ width: 1280, height: 2300 });
    await expect(compare.containerRow(names[1])).toContainText('answers at');
    await page.screenshot({ path: 'test-results/compare.png' });
    await page.setViewportSize({ width: 1280, height: 800 });

    // Leaving the panel closes every compare:watch it opened, and no sample arrives afterwards.
    expect(streams.opened.size).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Overview' }).click();
    await expect.poll(() => [...streams.opened].every((id) => streams.closed.has(id))).toBe(true);
    const leftAt = Date.now();
    await page.waitForTimeout(3000);
    for (const at of streams.dataAt.values()) expect(at).toBeLessThan(leftAt + 500);
  });
});
