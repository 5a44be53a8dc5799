import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { ContainersPage } from './pages/containers-page';
import { TerminalPage } from './pages/terminal-page';
import { docker, dockerCli, runBusybox } from '../support/engine';
import { uniqueName } from '../support/run-id';
import { ShellContainers } from '../support/shell-image';

const shells = new ShellContainers();
test.beforeAll(() => shells.prepare());
test.afterAll(() => shells.removeAll());

const shellContainer = (how: 'run' | 'create' = 'run') => shells.make('term', how);

/** Straight to the list by its address, so the test does not depend on the sidebar's shape. */
const openList = (containers: ContainersPage, url: string) => containers.page.goto(`${url}#/containers`);

async function openTerminal(containers: ContainersPage, url: string, name: string): Promise<TerminalPage> {
  await openList(containers, url);
  await containers.filter(name);
  await containers.row(name).getByRole('button', { name: `Open terminal in ${name}` }).click();
  await expect(containers.detail).toBeVisible();
  const terminal = new TerminalPage(containers.page);
  await terminal.waitLive();
  return terminal;
}

/** The processes in the container besides its own main one. */
const extraProcesses = async (name: string) => (await dockerCli('top', name, '-o', 'pid,args')).split('\n').slice(1).filter((l) => !/sleep 3600/.test(l));

test('a shell: arithmetic, resize, vi, Ctrl-C, and closing the tab leaves no process', async ({ page, served }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const name = await shellContainer();
  const terminal = await openTerminal(new ContainersPage(page), served.url, name);

  await terminal.run('echo $((6*7))');
  await terminal.waitFor(/^42$/m);

  await terminal.run('stty size');
  await terminal.waitFor(/^\d+ \d+$/m);
  const before = (await terminal.screen()).match(/^(\d+) (\d+)$/m)?.slice(1).map(Number) as number[];
  await page.setViewportSize({ width: 900, height: 640 });
  await terminal.run('clear; stty size');
  await expect
    .poll(async () => (await terminal.screen()).match(/^(\d+) (\d+)$/m)?.slice(1).map(Number), { timeout: 10_000 })
    .not.toEqual(before);
  const after = (await terminal.screen()).match(/^(\d+) (\d+)$/m)?.slice(1).map(Number) as number[];
  expect(after[1]).toBeLessThan(before[1]);

  await terminal.run('vi /tmp/notes.txt');
  await terminal.waitFor(/notes\.txt/);
  await terminal.waitFor(/^~/m);
  await page.keyboard.type(':q!');
  await page.keyboard.press('Enter');
  await terminal.run('clear; echo back-$((1+1))');
  await terminal.waitFor(/^back-2$/m);

  // The CSP refuses xterm's own <style> elements: their rules must still apply (ANSI colours, monospace cells).
  await terminal.run('printf "\\033[31mred-word\\033[0m\\n"');
  await terminal.waitFor(/^red-word$/m);
  const look = (text: string) =>
    page.locator('.xterm-rows span', { hasText: text }).last().evaluate((el) => ({ color: getComputedStyle(el).color, font: getComputedStyle(el).fontFamily }));
  const [red, plain] = [await look('red-word'), await look('back-2')];
  expect(red.color).not.toBe(plain.color);
  expect(plain.font).toContain('monospace');

  await terminal.run('sleep 100; echo slept');
  await expect.poll(async () => (await extraProcesses(name)).some((l) => /sleep 100/.test(l)), { timeout: 5_000 }).toBe(true);
  await page.keyboard.press('Control+C');
  await expect.poll(async () => (await extraProcesses(name)).some((l) => /sleep 100/.test(l)), { timeout: 5_000 }).toBe(false);
  await terminal.run('echo interrupted-$((3+4))');
  await terminal.waitFor(/^interrupted-7$/m);
  expect(await terminal.screen()).not.toMatch(/^slept$/m);

  expect((await new AxeBuilder({ page }).include('[data-testid="container-detail"]').analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

  // A program that ignores the hang-up still goes when the tab closes.
  await terminal.run('sleep 100');
  await expect.poll(async () => (await extraProcesses(name)).length, { timeout: 5_000 }).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Close Terminal 1' }).click();
  await expect.poll(async () => extraProcesses(name), { timeout: 10_000 }).toEqual([]);
  const execs = ((await docker.getContainer(name).inspect()) as { ExecIDs?: string[] | null }).ExecIDs ?? [];
  for (const id of execs) expect((await docker.getExec(id).inspect()).Running).toBe(false);
});

test('two terminals do not cross their output', async ({ page, served }) => {
  test.setTimeout(60_000);
  const name = await shellContainer();
  const terminal = await openTerminal(new ContainersPage(page), served.url, name);
  await page.getByRole('button', { name: '+ New terminal' }).click();
  await terminal.waitLive();
  await expect(terminal.panes).toHaveCount(2);
  await terminal.run('echo second-$((10+1))');
  await terminal.waitFor(/^second-11$/m);
  await page.getByRole('button', { name: 'Terminal 1', exact: true }).click();
  await terminal.run('echo first-$((20+2))');
  await terminal.waitFor(/^first-22$/m);
  expect(await terminal.screen()).not.toContain('second-11');
  await page.getByRole('button', { name: 'Terminal 2', exact: true }).click();
  expect(await terminal.screen()).not.toContain('first-22');
});

test('a stopped container offers to start; a container without a shell says so', async ({ page, served }) => {
  test.setTimeout(60_000);
  const stopped = await shellContainer('create');
  const containers = new ContainersPage(page);
  await openList(containers, served.url);
  await containers.filter(stopped);
  await containers.openDetail(stopped);
  await containers.page.getByRole('tab', { name: 'Terminal' }).click();
  const problem = page.getByTestId('terminal-problem');
  await expect(problem).toHaveAttribute('data-reason', 'not-running');
  await expect(problem).toContainText('can only run inside a running container');
  await problem.getByRole('button', { name: 'Start the container and open a terminal' }).click();
  const terminal = new TerminalPage(page);
  await terminal.waitLive();
  await terminal.run('echo started-$((2+3))');
  await terminal.waitFor(/^started-5$/m);

  const bare = shells.track(uniqueName('term-noshell'));
  await runBusybox(bare);
  await containers.page.getByRole('button', { name: '← All containers' }).click();
  await containers.filter(bare);
  await containers.row(bare).getByRole('button', { name: `Open terminal in ${bare}` }).click();
  await expect(page.getByTestId('terminal-problem')).toHaveAttribute('data-reason', 'no-shell');
  await expect(page.getByTestId('terminal-problem')).toContainText('has no shell');
});
