import { test, expect } from '../fixtures';
import { ImagesPage } from '../pages/images-page';
import { ComparePage } from '../pages/compare-page';
import { layoutProblems, seriousViolations } from './checks';
import { busyboxImage, dockerCli, makeContext, runBusybox, TEST_LABEL, RUN_ID } from '../../support/engine';

// Each test reproduces one defect of the "first hour" issue and passes with its fix.

test('1 · Build clicked right after typing the folder last starts the build', async ({ page, served }) => {
  const tag = `porthole-ux-build:${RUN_ID}`;
  const dir = await makeContext({ Dockerfile: `FROM ${busyboxImage()}\nLABEL ${TEST_LABEL}=${RUN_ID}\n` });
  const images = new ImagesPage(page);
  try {
    await page.goto(`${served.url}#/images`);
    await images.openBuild();
    await images.tagField.fill(tag);
    await images.folderField.fill(dir);
    // No waiting for the folder check: the click itself moves focus out of the folder field.
    await images.startBuildButton.click();
    await expect(images.buildStatus).toBeVisible();
    await expect(images.buildStatus).toHaveText(/done|built/i, { timeout: 60_000 });
  } finally {
    await dockerCli('rmi', '-f', tag).catch(() => undefined);
  }
});

test('2 · every view and a container detail have an address; Back, the sidebar and Esc leave the detail', async ({ page, served }) => {
  const name = `porthole-ux-nav-${RUN_ID}`;
  const id = await runBusybox(name);
  try {
    await page.goto(`${served.url}#/containers`);
    await page.getByLabel('Search containers').fill(name);
    await page.locator(`[data-testid="container-row"][data-name="${name}"] .ct-open`).click();
    await expect(page.getByTestId('container-detail')).toBeVisible();
    expect(page.url()).toContain(`#/containers/`);
    // A reload reopens the same detail.
    await page.reload();
    await expect(page.getByTestId('container-detail')).toBeVisible();
    // The sidebar's Containers leaves the detail.
    await page.locator('nav a[data-view="containers"]').click();
    await expect(page.getByTestId('container-detail')).toHaveCount(0);
    // Back returns to the detail, Forward to the list; Esc goes back from the detail.
    await page.goBack();
    await expect(page.getByTestId('container-detail')).toBeVisible();
    await page.goForward();
    await expect(page.getByTestId('container-detail')).toHaveCount(0);
    await page.goBack();
    await expect(page.getByTestId('container-detail')).toBeVisible();
    await page.locator('body').press('Escape');
    await expect(page.getByTestId('container-detail')).toHaveCount(0);
    // Moving between views is a step Back undoes.
    await page.locator('nav a[data-view="volumes"]').click();
    await expect(page.locator('main[data-view="volumes"]')).toBeVisible();
    await page.goBack();
    await expect(page.locator('main[data-view="containers"]')).toBeVisible();
  } finally {
    await dockerCli('rm', '-f', id);
  }
});

test('4b · a stop started with the docker CLI shows the same Stopping and countdown, until the container exits', async ({ page, served }) => {
  const name = `porthole-ux-cli-stop-${RUN_ID}`;
  const id = await runBusybox(name, undefined, ['--stop-timeout', '6']);
  const row = page.locator(`[data-testid="container-row"][data-name="${name}"]`);
  try {
    await page.goto(`${served.url}#/containers`);
    await page.getByLabel('Search containers').fill(name);
    await expect(row).toHaveAttribute('data-state', 'running');
    const stopping = dockerCli('stop', name);
    const transition = row.getByTestId('container-transition');
    await expect(transition).toContainText('Stopping');
    await expect(transition).toContainText(/killed in [1-6] s/);
    await stopping;
    await expect(row).toHaveAttribute('data-state', 'exited');
    await expect(transition).toHaveCount(0);
  } finally {
    await dockerCli('rm', '-f', id);
  }
});

test('4 · a stop that waits for the timeout shows Stopping with the time left, and offers Kill', async ({ page, served }) => {
  const name = `porthole-ux-stop-${RUN_ID}`;
  // busybox sleep as PID 1 ignores SIGTERM: the engine waits the whole stop timeout (6 s here, not the default 10).
  const id = await runBusybox(name, undefined, ['--stop-timeout', '6']);
  const row = page.locator(`[data-testid="container-row"][data-name="${name}"]`);
  try {
    await page.setViewportSize({ width: 800, height: 600 });
    await page.goto(`${served.url}#/containers`);
    await page.getByLabel('Search containers').fill(name);
    await row.getByRole('button', { name: `Stop ${name}` }).click();
    const transition = row.getByTestId('container-transition');
    await expect(transition).toContainText('Stopping');
    await expect(transition).toContainText(/killed in [1-6] s/);
    expect(await layoutProblems(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/ux/after-stopping-row-800.png' });
    const kill = row.getByRole('button', { name: `Kill ${name}` });
    await expect(kill).toBeEnabled();
    const killedAt = Date.now();
    await kill.click();
    await expect(row).toHaveAttribute('data-state', 'exited', { timeout: 5_000 });
    expect(Date.now() - killedAt).toBeLessThan(5_000);
    await expect(transition).toHaveCount(0);

    // The detail says the same in a sentence, at 1400 px.
    await dockerCli('start', id);
    await expect(row).toHaveAttribute('data-state', 'running');
    await page.setViewportSize({ width: 1400, height: 900 });
    await row.locator('.ct-open').click();
    const detail = page.getByTestId('container-detail');
    await detail.getByRole('button', { name: `Stop ${name}` }).click();
    await expect(detail.getByTestId('detail-transition')).toContainText(/kills it in [1-6] s/);
    await expect(detail.getByRole('button', { name: `Kill ${name}` })).toBeEnabled();
    await page.screenshot({ path: 'test-results/ux/after-stopping-detail-1400.png' });
    await expect(detail).toHaveAttribute('data-state', 'exited', { timeout: 15_000 });
    await expect(detail.getByTestId('detail-transition')).toHaveCount(0);
  } finally {
    await dockerCli('rm', '-f', id);
  }
});

test('5 · the prune preview lets the user untick items, and only the ticked ones go', async ({ page, served }) => {
  const [a, b] = [`porthole-ux-prune-a-${RUN_ID}`, `porthole-ux-prune-b-${RUN_ID}`];
  const ids = [await runBusybox(a, ['/bin/busybox', 'true']), await runBusybox(b, ['/bin/busybox', 'true'])];
  try {
    await page.goto(`${served.url}#/disk`);
    await page.getByRole('button', { name: 'Remove stopped…' }).click();
    const dialog = page.getByTestId('prune-dialog');
    await expect(dialog.locator(`[data-testid="prune-item"][data-name="${a}"]`)).toBeVisible();
    // The engine is shared with other runs: untick everything, then tick only A.
    await dialog.getByRole('button', { name: 'Untick all' }).click();
    await dialog.getByRole('checkbox', { name: `Remove ${a}`, exact: true }).check();
    const remove = page.getByRole('button', { name: /^Remove 1 \(/ });
    await expect(remove).toBeEnabled();
    await page.screenshot({ path: 'test-results/ux/after-prune-untick-1280.png' });
    await remove.click();
    await expect(page.getByTestId('prune-result')).toContainText('Removed 1');
    await expect.poll(() => dockerCli('ps', '-a', '--filter', `name=^/${a}$`, '--format', '{{.ID}}')).toBe('');
    expect(await dockerCli('ps', '-a', '--filter', `name=^/${b}$`, '--format', '{{.Names}}')).toBe(b);
  } finally {
    for (const id of ids) await dockerCli('rm', '-f', id).catch(() => undefined);
  }
});

test('6 · every tag is its own row, and Untag removes one tag without removing the image', async ({ page, served }) => {
  const [a, b] = [`porthole-ux-tag-a:${RUN_ID}`, `porthole-ux-tag-b:${RUN_ID}`];
  await dockerCli('tag', busyboxImage(), a);
  await dockerCli('tag', busyboxImage(), b);
  try {
    await page.goto(`${served.url}#/images`);
    await page.getByLabel('Search images').fill('porthole-ux-tag');
    await expect(page.locator('[data-testid="image-row"]')).toHaveCount(2);
    await page.getByRole('button', { name: `Untag ${a}`, exact: true }).click();
    await expect(page.locator(`[data-testid="image-row"][data-tag="${a}"]`)).toHaveCount(0);
    await expect(page.locator(`[data-testid="image-row"][data-tag="${b}"]`)).toHaveCount(1);
    const left = await dockerCli('images', '--format', '{{.Repository}}:{{.Tag}}');
    expect(left).toContain(b);
    expect(left).not.toContain(a);
    expect(left).toContain(busyboxImage());
  } finally {
    await dockerCli('rmi', a).catch(() => undefined);
    await dockerCli('rmi', b).catch(() => undefined);
  }
});

test('7 · a taken name says so in a sentence, offers the holder and a free name, and nothing overflows', async ({ page, served }) => {
  const name = `porthole-ux-taken-${RUN_ID}`;
  const holder = await runBusybox(name);
  const images = new ImagesPage(page);
  let second = '';
  try {
    await page.setViewportSize({ width: 800, height: 600 });
    await page.goto(`${served.url}#/images`);
    await images.openRun(busyboxImage());
    await images.containerName.fill(name);
    await images.runButton.click();
    const problem = images.runDialog.getByTestId('run-name-in-use');
    await expect(problem).toContainText(`A container named “${name}” already exists`);
    await expect(problem).not.toContainText(holder.slice(0, 64));
    expect(await layoutProblems(page)).toEqual([]);
    await problem.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/ux/after-run-name-conflict-800.png' });
    await problem.getByRole('button', { name: `Use the name ${name}-2` }).click();
    await expect(images.containerName).toHaveValue(`${name}-2`);
    await images.runButton.click();
    await expect(page.getByTestId('container-detail')).toHaveAttribute('data-name', `${name}-2`);
    second = `${name}-2`;
  } finally {
    await dockerCli('rm', '-f', holder);
    if (second) await dockerCli('rm', '-f', second).catch(() => undefined);
  }
});

test('7 · Run’s Advanced section sets bind address, network, labels, --rm, limits, user and working directory', async ({ page, served }) => {
  const name = `porthole-ux-advanced-${RUN_ID}`;
  const net = `porthole-ux-runnet-${RUN_ID}`;
  const hostPort = String(20_000 + Math.floor(Math.random() * 20_000));
  await dockerCli('network', 'create', '--label', `${TEST_LABEL}=${RUN_ID}`, net);
  const images = new ImagesPage(page);
  try {
    await page.setViewportSize({ width: 800, height: 600 });
    await page.goto(`${served.url}#/images`);
    await images.openRun(busyboxImage());
    const dialog = images.runDialog;
    await images.containerName.fill(name);
    await dialog.getByRole('button', { name: 'Add port' }).click();
    await images.hostPort(0).fill(hostPort);
    await images.containerPort(0).fill('80');
    await dialog.getByLabel('Command').fill('/bin/busybox sleep 3600');
    await dialog.getByText(/^Advanced:/).click();
    await dialog.getByLabel('Bind ports to (host IP)').fill('0.0.0.0');
    await dialog.getByLabel('Network').selectOption(net);
    await dialog.getByLabel('CPUs').fill('0.5');
    await dialog.getByLabel('Memory limit').fill('64m');
    await dialog.getByLabel('User').fill('1000:1000');
    await dialog.getByLabel('Working directory').fill('/tmp');
    await dialog.getByLabel('Labels').fill(`${TEST_LABEL}=${RUN_ID}\nteam=web`);
    await dialog.getByLabel(/Remove the container when it exits/).check();
    expect(await layoutProblems(page)).toEqual([]);
    expect(await seriousViolations(page, 'dialog[open]')).toEqual([]);
    await page.screenshot({ path: 'test-results/ux/after-run-advanced-800.png' });
    await images.runButton.click();
    await expect(page.getByTestId('container-detail')).toHaveAttribute('data-name', name);
    const info = JSON.parse(await dockerCli('inspect', name))[0];
    expect(info.HostConfig).toMatchObject({ AutoRemove: true, NanoCpus: 500_000_000, Memory: 64 * 1024 * 1024, NetworkMode: net });
    expect(info.HostConfig.PortBindings['80/tcp']).toEqual([{ HostIp: '0.0.0.0', HostPort: hostPort }]);
    expect(info.Config).toMatchObject({ User: '1000:1000', WorkingDir: '/tmp' });
    expect(info.Config.Labels).toMatchObject({ team: 'web' });
  } finally {
    await dockerCli('rm', '-f', name).catch(() => undefined);
    await dockerCli('network', 'rm', net).catch(() => undefined);
  }
});

test('8 · detail: Inspect shows networks, ids copy with a button, the raw JSON folds and searches, / focuses the log search, charts have a scale', async ({ page, served, context }) => {
  const net = `porthole-ux-inspect-net-${RUN_ID}`;
  const name = `porthole-ux-inspect-${RUN_ID}`;
  await dockerCli('network', 'create', '--label', `${TEST_LABEL}=${RUN_ID}`, net);
  const id = await runBusybox(name, undefined, ['--network', net]);
  const ip = await dockerCli('inspect', '--format', `{{(index .NetworkSettings.Networks "${net}").IPAddress}}`, id);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.origin });
  try {
    await page.setViewportSize({ width: 800, height: 600 });
    await page.goto(`${served.url}#/containers/${id}`);
    const detail = page.getByTestId('container-detail');
    await expect(detail).toBeVisible();
    // `/` focuses the log search of the Logs tab.
    await page.locator('body').press('/');
    await expect(detail.getByLabel('Search logs')).toBeFocused();
    await page.locator('body').click({ position: { x: 5, y: 5 } });

    await detail.getByRole('tab', { name: 'Inspect' }).click();
    const networks = detail.getByTestId('inspect-networks');
    await expect(networks).toContainText(net);
    await expect(networks).toContainText(ip.trim());
    await detail.getByRole('button', { name: 'Copy the container ID' }).last().click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(id.trim());
    await detail.getByRole('button', { name: /Show raw JSON/ }).click();
    const raw = detail.getByTestId('raw-json');
    await raw.getByLabel('Search the raw JSON').fill(ip.trim());
    await expect(raw.locator('details')).toHaveCount(1);
    await expect(raw.locator('details summary')).toHaveText('NetworkSettings');
    expect(await layoutProblems(page)).toEqual([]);
    expect(await seriousViolations(page, '[data-testid="container-detail"]')).toEqual([]);
    await networks.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/ux/after-inspect-networks-800.png' });

    await page.setViewportSize({ width: 1400, height: 900 });
    await detail.getByRole('tab', { name: 'Stats' }).click();
    const cpu = detail.getByRole('region', { name: 'CPU' });
    await expect(cpu.locator('.chart-y')).toContainText('%');
    await expect(cpu.locator('.chart-x')).toContainText('now');
    await page.waitForTimeout(2500);
    await page.screenshot({ path: 'test-results/ux/after-stats-axes-1400.png' });
  } finally {
    await dockerCli('rm', '-f', id);
    await dockerCli('network', 'rm', net).catch(() => undefined);
  }
});

test('12 · the density figure says it is bounded by memory alone and names what it does not count', async ({ page, served }) => {
  const name = `porthole-ux-density-${RUN_ID}`;
  const id = await runBusybox(name);
  try {
    await page.setViewportSize({ width: 800, height: 600 });
    const compare = new ComparePage(page);
    await compare.open(served.url);
    await expect(compare.density.getByTestId('cmp-density-containers')).toHaveText(/^[\d,]+$/);
    await expect(compare.density).toContainText('by memory alone');
    const bounds = compare.density.getByTestId('cmp-density-bounds');
    for (const limit of ['pid_max', 'open files', 'host ports', 'containerd-shim']) await expect(bounds).toContainText(limit);
    expect(await layoutProblems(page)).toEqual([]);
    await compare.density.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/ux/after-density-800.png' });
  } finally {
    await dockerCli('rm', '-f', id);
  }
});

test('9 · a network chip’s × asks before disconnecting', async ({ page, served }) => {
  const net = `porthole-ux-net-${RUN_ID}`;
  const name = `porthole-ux-chip-${RUN_ID}`;
  await dockerCli('network', 'create', '--label', `${TEST_LABEL}=${RUN_ID}`, net);
  const id = await runBusybox(name, undefined, ['--network', net]);
  try {
    await page.goto(`${served.url}#/networks`);
    await page.getByRole('button', { name: `Disconnect ${name} from ${net}` }).click();
    const dialog = page.getByRole('dialog', { name: `Disconnect ${name}?` });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const networks = await dockerCli('inspect', '--format', '{{json .NetworkSettings.Networks}}', id);
    expect(networks).toContain(net);
    await page.getByRole('button', { name: `Disconnect ${name} from ${net}` }).click();
    await dialog.getByRole('button', { name: 'Disconnect' }).click();
    await expect.poll(async () => dockerCli('inspect', '--format', '{{json .NetworkSettings.Networks}}', id)).not.toContain(net);
  } finally {
    await dockerCli('rm', '-f', id);
    await dockerCli('network', 'rm', net).catch(() => undefined);
  }
});

test('9 · the bulk bar offers only the actions that apply to the selection, with how many', async ({ page, served }) => {
  const names = [`porthole-ux-bulk-a-${RUN_ID}`, `porthole-ux-bulk-b-${RUN_ID}`];
  const ids = await Promise.all(names.map((n) => runBusybox(n)));
  try {
    await page.goto(`${served.url}#/containers`);
    await page.getByLabel('Search containers').fill('porthole-ux-bulk-');
    for (const n of names) await page.getByRole('checkbox', { name: `Select ${n}` }).check();
    const bar = page.getByRole('toolbar', { name: 'Selected containers' });
    await expect(bar.getByRole('button', { name: 'Stop 2', exact: true })).toBeVisible();
    await expect(bar.getByRole('button', { name: /^(Start|Unpause)\b/ })).toHaveCount(0);
    await dockerCli('pause', ids[0]);
    await expect(bar.getByRole('button', { name: 'Unpause 1', exact: true })).toBeVisible();
    await expect(bar.getByRole('button', { name: 'Pause 1', exact: true })).toBeVisible();
    await page.setViewportSize({ width: 800, height: 600 });
    await page.screenshot({ path: 'test-results/ux/after-bulk-bar-800.png' });
  } finally {
    await Promise.all(ids.map((id) => dockerCli('rm', '-f', id)));
  }
});

test('10 · a link without its token says so instead of blaming the engine', async ({ page, served }) => {
  await page.goto(`${served.origin}/#/overview`);
  const notice = page.getByTestId('host-access-problem');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('no access token');
  await expect(notice).toContainText('npm run serve');
  await expect(page.getByTestId('engine-unavailable')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/ux/after-no-token-800.png' });
});
