import { test, expect } from './fixtures';
import { ContainersPage } from './pages/containers-page';
import { dockerCli, runBusybox } from '../support/engine';
import { uniqueName } from '../support/run-id';

const created: string[] = [];
test.afterEach(async () => {
  for (const name of created.splice(0)) await dockerCli('rm', '-f', name).catch(() => '');
});

test('a container the docker CLI starts, kills and removes shows up live, without a reload', async ({ page, served }) => {
  const containers = new ContainersPage(page);
  await containers.open(served.url);
  await page.evaluate(() => ((globalThis as unknown as { __sameDocument: boolean }).__sameDocument = true));
  const name = uniqueName('cli');
  created.push(name);
  await containers.filter(name);

  await runBusybox(name);
  await expect(containers.row(name)).toHaveAttribute('data-state', 'running');

  await dockerCli('kill', name);
  await expect(containers.row(name)).not.toHaveAttribute('data-state', 'running');
  await expect(containers.row(name)).toHaveAttribute('data-state', 'exited');
  await expect(containers.action(name, 'Start')).toBeVisible();

  await dockerCli('rm', name);
  await expect(containers.row(name)).toHaveCount(0);
  // The same document all along: nothing reloaded the page.
  expect(await page.evaluate(() => (globalThis as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});

test('published ports are links to 127.0.0.1, and the Running filter hides stopped containers', async ({ page, served }) => {
  const containers = new ContainersPage(page);
  await containers.open(served.url);
  const prefix = uniqueName('ports');
  const web = `${prefix}-web`;
  const done = `${prefix}-done`;
  created.push(web, done);
  await runBusybox(web, ['/bin/busybox', 'httpd', '-f', '-p', '80'], ['-p', '127.0.0.1::80']);
  await runBusybox(done, ['/bin/busybox', 'true']);
  const hostPort = (await dockerCli('port', web, '80/tcp')).split('\n')[0].split(':').pop();
  await containers.filter(prefix);

  const link = containers.row(web).getByRole('link', { name: `127.0.0.1:${hostPort}` });
  await expect(link).toHaveAttribute('href', `http://127.0.0.1:${hostPort}`);
  await expect(link).toHaveText(`127.0.0.1:${hostPort}`, { useInnerText: true });
  // At 800 px the loopback host folds away so both numbers fit; the link keeps its full name.
  await page.setViewportSize({ width: 800, height: 600 });
  await expect(link).toHaveText(`${hostPort}`, { useInnerText: true });
  await expect(containers.row(web).getByText('→80', { exact: true })).toBeVisible();
  const fits = await containers.row(web).locator('.ct-ports').evaluate((cell) => cell.scrollWidth <= cell.clientWidth);
  expect(fits).toBe(true);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(containers.row(done)).toHaveAttribute('data-state', 'exited');

  await page.getByRole('button', { name: 'Running', exact: true }).click();
  await expect(containers.row(done)).toHaveCount(0);
  await expect(containers.row(web)).toBeVisible();
  await page.getByRole('button', { name: 'All', exact: true }).click();
  await expect(containers.row(done)).toBeVisible();
});

test('stop and start from the row show progress and land in the new state', async ({ page, served }) => {
  const containers = new ContainersPage(page);
  await containers.open(served.url);
  const name = uniqueName('act');
  created.push(name);
  await runBusybox(name);
  await containers.filter(name);
  await expect(containers.row(name)).toHaveAttribute('data-state', 'running');

  await containers.action(name, 'Stop').click();
  await expect(containers.row(name)).toHaveAttribute('data-state', 'exited', { timeout: 30_000 });
  await containers.action(name, 'Start').click();
  await expect(containers.row(name)).toHaveAttribute('data-state', 'running');
  expect(await dockerCli('inspect', '-f', '{{.State.Status}}', name)).toBe('running');
});
