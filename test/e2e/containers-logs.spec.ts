import { test, expect } from './fixtures';
import { ContainersPage } from './pages/containers-page';
import { dockerCli, runBusybox } from '../support/engine';
import { uniqueName } from '../support/run-id';

// The stderr line is written by the test once all stdout lines are shown (see below), not by the script.
const PRINT_200K = "i=0; while [ $i -lt 200000 ]; do echo line $i; i=$((i+1)); done; sleep 3600";

let name = '';
test.afterEach(async () => {
  if (name) await dockerCli('rm', '-f', name).catch(() => '');
});

test('a container printing 200,000 lines: the view shows the tail, stays responsive and search finds a line', async ({ page, served }) => {
  test.setTimeout(180_000);
  name = uniqueName('logs');
  await runBusybox(name, ['/bin/busybox', 'sh', '-c', PRINT_200K]);
  const containers = new ContainersPage(page);
  await containers.open(served.url);
  await containers.filter(name);
  await containers.openDetail(name);
  await expect(containers.detail).toBeVisible();

  // Follow while it prints; then take the largest tail the view keeps.
  await expect(containers.logLines.first()).toBeVisible();
  await page.getByLabel('Tail', { exact: true }).selectOption({ label: 'last 50,000 lines' });
  await expect(containers.page.getByText('line 199999', { exact: true })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByText('50,000 lines shown')).toBeVisible();
  // Still following: the view's own scrolls while lines poured in must not have switched it off.
  const follow = page.getByRole('checkbox', { name: 'Follow' });
  await expect(follow).toBeChecked();

  // Virtualized: only the rows on screen are in the DOM.
  expect(await containers.logLines.count()).toBeLessThanOrEqual(100);
  // Responsive: the page answers and a click switches tabs at once.
  expect(await page.evaluate(() => 1 + 1, undefined)).toBe(2);
  await containers.tab('Inspect').click();
  await expect(page.getByTestId('inspect-view')).toBeVisible({ timeout: 5_000 });
  await containers.tab('Logs').click();
  await expect(containers.page.getByText('line 199999', { exact: true })).toBeVisible();

  // Scrolling up is the user's: following stops.
  await containers.logLines.first().hover();
  await page.mouse.wheel(0, -3000);
  await expect(follow).not.toBeChecked();

  await containers.logSearch.fill('line 187654');
  await expect(containers.logMatchCount).toHaveText('1 of 1');
  await containers.logSearch.press('Enter');
  await expect(page.locator('mark', { hasText: 'line 187654' })).toBeVisible();

  // stderr is told apart from stdout: one line written to the container's stderr is marked as such.
  // It is written now, not by the script after its last stdout line: the engine logs stdout and stderr
  // through separate copiers, and under CPU load stdout lagged by tens of thousands of lines, so a
  // scripted `echo done >&2` was logged ~50,000 lines before "line 199999" and fell out of the
  // 50,000-line window (measured: no line is lost when the tail changes while following).
  await dockerCli('exec', name, '/bin/busybox', 'sh', '-c', 'echo done > /proc/1/fd/2');
  await containers.logSearch.fill('done');
  // The count is that of the query typed (never of the previous one): 1 of 1 once the line has arrived.
  await expect(containers.logMatchCount).toHaveText('1 of 1', { timeout: 30_000 });
  await containers.logSearch.press('Enter');
  await expect(page.locator('[data-testid="log-line"][data-stream="stderr"]', { hasText: 'done' })).toBeVisible();
});

test('a container that prints nothing: the Logs tab says it is live and waiting, not loading', async ({ page, served }) => {
  name = uniqueName('logs-silent');
  await runBusybox(name, ['/bin/busybox', 'sleep', '3600']);
  const containers = new ContainersPage(page);
  await containers.open(served.url);
  await containers.filter(name);
  await containers.openDetail(name);
  await expect(page.getByText('No output yet. Lines appear here as the container prints them.')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText('Live · 0 lines shown')).toBeVisible();
  await expect(page.getByText('Loading logs…')).toHaveCount(0);
});
