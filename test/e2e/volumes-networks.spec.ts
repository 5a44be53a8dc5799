import { test, expect } from './fixtures';
import { dockerCli, runBusybox, TEST_LABEL, RUN_ID } from '../support/engine';
import { uniqueName } from '../support/run-id';

/** Volumes and Networks follow the engine's events: what the CLI makes or changes shows without a reload. */

test('volumes: made outside and through the dialog, used by a container, removed after asking', async ({ page, served }) => {
  const outside = uniqueName('ph-vol-cli');
  const made = uniqueName('ph-vol-ui');
  const user = uniqueName('ph-vol-user');
  try {
    await page.goto(served.url);
    await page.getByRole('link', { name: 'Volumes' }).click();
    const row = (name: string) => page.locator(`[data-testid="volume-row"][data-name="${name}"]`);

    await dockerCli('volume', 'create', '--label', `${TEST_LABEL}=${RUN_ID}`, outside);
    await expect(row(outside)).toBeVisible({ timeout: 10_000 });

    await page.getByRole('button', { name: 'Create volume' }).first().click();
    await page.getByLabel('Volume name').fill(made);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(row(made)).toBeVisible({ timeout: 10_000 });

    await runBusybox(user, undefined, ['-v', `${outside}:/data`]);
    await expect(row(outside)).toContainText(user, { timeout: 10_000 });

    await row(made).getByRole('button', { name: `Remove ${made}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await expect(row(made)).toHaveCount(0, { timeout: 10_000 });
  } finally {
    await dockerCli('rm', '-f', user).catch(() => {});
    await dockerCli('volume', 'rm', '-f', outside, made).catch(() => {});
  }
});

test('networks: made outside, a container connected through the dialog and disconnected after asking, removed', async ({ page, served }) => {
  const net = uniqueName('ph-net');
  const member = uniqueName('ph-net-member');
  try {
    await runBusybox(member);
    await page.goto(served.url);
    await page.getByRole('link', { name: 'Networks' }).click();
    const row = page.locator(`[data-testid="network-row"][data-name="${net}"]`);

    await dockerCli('network', 'create', '--label', `${TEST_LABEL}=${RUN_ID}`, net);
    await expect(row).toBeVisible({ timeout: 10_000 });

    await row.getByRole('button', { name: `Connect a container to ${net}` }).click();
    await page.getByRole('dialog').getByLabel('Container').selectOption({ label: `${member} (running)` });
    await page.getByRole('dialog').getByRole('button', { name: 'Connect' }).click();
    const chip = row.getByRole('button', { name: `Disconnect ${member} from ${net}` });
    await expect(chip).toBeVisible({ timeout: 10_000 });

    await chip.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Disconnect' }).click();
    await expect(chip).toHaveCount(0, { timeout: 10_000 });

    await row.getByRole('button', { name: `Remove ${net}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await expect(row).toHaveCount(0, { timeout: 10_000 });
  } finally {
    await dockerCli('rm', '-f', member).catch(() => {});
    await dockerCli('network', 'rm', net).catch(() => {});
  }
});
