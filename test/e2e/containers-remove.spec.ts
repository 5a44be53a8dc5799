import { test, expect } from './fixtures';
import { ContainersPage } from './pages/containers-page';
import { dockerCli, runBusybox } from '../support/engine';
import { RUN_ID, TEST_LABEL, uniqueName } from '../support/run-id';

const containersMade: string[] = [];
const volumesMade: string[] = [];
test.afterEach(async () => {
  for (const name of containersMade.splice(0)) await dockerCli('rm', '-f', name).catch(() => '');
  for (const name of volumesMade.splice(0)) await dockerCli('volume', 'rm', '-f', name).catch(() => '');
});

test('acting on a container someone else just removed says so in words and drops the row', async ({ page, served }) => {
  const name = uniqueName('gone');
  let blockedId = '';
  // Hold back the engine's events for this one container, so the click lands before Porthole hears of the removal.
  await page.routeWebSocket(/\/ws/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((m) => server.send(m));
    server.onMessage((m) => {
      if (blockedId && typeof m === 'string' && m.includes('"engine:event"') && m.includes(blockedId)) return;
      ws.send(m);
    });
  });
  const containers = new ContainersPage(page);
  await containers.open(served.url);
  containersMade.push(name);
  await containers.filter(name);
  const id = await runBusybox(name);
  await expect(containers.row(name)).toHaveAttribute('data-state', 'running');

  blockedId = id;
  await dockerCli('rm', '-f', name);
  await expect(containers.row(name)).toBeVisible();
  await containers.action(name, 'Stop').click();

  await expect(page.getByText(`Could not stop ${name}`)).toBeVisible();
  await expect(page.getByText(`${name} no longer exists — someone else removed it`)).toBeVisible();
  await expect(containers.row(name)).toHaveCount(0);
});

test('remove warns that the writable layer is lost, shows its size and the volume that stays', async ({ page, served }) => {
  const name = uniqueName('rm');
  const volume = uniqueName('vol');
  await dockerCli('volume', 'create', '--label', `${TEST_LABEL}=${RUN_ID}`, volume);
  volumesMade.push(volume);
  containersMade.push(name);
  await runBusybox(name, ['/bin/busybox', 'sh', '-c', 'head -c 300000 /bin/busybox > /payload.bin; sleep 3600'], ['-v', `${volume}:/data`]);
  const containers = new ContainersPage(page);
  await containers.open(served.url);
  await containers.filter(name);
  await expect(containers.row(name)).toHaveAttribute('data-state', 'running');
  await expect.poll(async () => Number(await dockerCli('inspect', '--size', '-f', '{{.SizeRw}}', name))).toBeGreaterThan(250_000);

  await containers.action(name, 'Remove').click();
  const dialog = containers.removeDialog;
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('lost for good');
  await expect(dialog.getByTestId('writable-size')).toHaveText(/^3\d\d(\.\d)? KB$/);
  await expect(dialog).toContainText(`Stays: volume ${volume}`);
  await expect(dialog).toContainText('still running');
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();

  await expect(containers.row(name)).toHaveCount(0);
  await expect.poll(() => dockerCli('ps', '-aq', '--filter', `name=^${name}$`)).toBe('');
  // The volume stays, as the dialog promised.
  expect(await dockerCli('volume', 'ls', '-q', '--filter', `name=^${volume}$`)).toBe(volume);
});

test('the Delete key asks to remove the selection; Cancel keeps it', async ({ page, served }) => {
  const name = uniqueName('del');
  containersMade.push(name);
  await runBusybox(name);
  const containers = new ContainersPage(page);
  await containers.open(served.url);
  await containers.filter(name);
  await containers.row(name).getByRole('checkbox', { name: `Select ${name}` }).check();
  await containers.rows.first().getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Delete');
  await expect(containers.removeDialog).toBeVisible();
  await containers.removeDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(containers.row(name)).toBeVisible();
  // "/" jumps to the search box.
  await page.keyboard.press('/');
  await expect(containers.search).toBeFocused();
});
