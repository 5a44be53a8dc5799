import { rm } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { ImagesPage } from './pages/images-page';
import { dockerCli, makeContext, RUN_ID, TEST_LABEL } from '../support/engine';
import { uniqueName } from '../support/run-id';

const REGISTRY = '127.0.0.1:5000';
const RUN_REPO = `porthole-test-${RUN_ID}/run-pull`;
/** What the registry's catalog search offers: no tag, so `latest`. */
const RUN_REF = `${REGISTRY}/${RUN_REPO}`;
const HIST_TAG = `porthole-test-hist-${RUN_ID}:1`;
const HIST_EXTRA_TAG = `porthole-test-hist-${RUN_ID}:extra`;
const PUSH_REPO = `porthole-test-${RUN_ID}/pushed-from-images`;
const PUSH_REF = `${REGISTRY}/${PUSH_REPO}:1`;
const containerName = uniqueName('run-pulled');
const secondName = uniqueName('run-repulled');

async function buildLabelled(tag: string, dockerfile: string): Promise<void> {
  const dir = await makeContext({ Dockerfile: dockerfile, 'hello.txt': `hello from ${RUN_ID}\n` }, { busybox: true });
  try {
    await dockerCli('build', '-q', '--label', `${TEST_LABEL}=${RUN_ID}`, '-t', tag, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Best effort: the registry answers DELETE only when deletion is enabled. */
async function deleteFromRegistry(repo: string, tag: string): Promise<void> {
  const headers = { accept: 'application/vnd.docker.distribution.manifest.v2+json' };
  const head = await fetch(`http://${REGISTRY}/v2/${repo}/manifests/${tag}`, { method: 'HEAD', headers }).catch(() => null);
  const digest = head?.headers.get('docker-content-digest');
  if (digest) await fetch(`http://${REGISTRY}/v2/${repo}/manifests/${digest}`, { method: 'DELETE', headers }).catch(() => null);
}

test.beforeAll(async () => {
  await buildLabelled(`${RUN_REF}:latest`, 'FROM scratch\nCOPY busybox /bin/bb\nCOPY hello.txt /srv/hello.txt\nCMD ["/bin/bb", "httpd", "-f", "-p", "8080", "-h", "/srv"]\n');
  await dockerCli('push', `${RUN_REF}:latest`);
  await dockerCli('rmi', `${RUN_REF}:latest`);
  await buildLabelled(HIST_TAG, `FROM scratch\nCOPY busybox /bin/busybox\nENV GREETING=history-${RUN_ID}\nCMD ["/bin/busybox", "sleep", "3600"]\n`);
});

test.afterAll(async () => {
  for (const name of [containerName, secondName]) await dockerCli('rm', '-f', name).catch(() => '');
  for (const ref of [`${RUN_REF}:latest`, HIST_TAG, HIST_EXTRA_TAG, PUSH_REF]) await dockerCli('rmi', ref).catch(() => '');
  await deleteFromRegistry(RUN_REPO, 'latest');
  await deleteFromRegistry(PUSH_REPO, '1');
});

test('Run on an image that is only in a registry pulls it in place with layer progress, then runs it', async ({ page, served }) => {
  expect(await dockerCli('image', 'inspect', `${RUN_REF}:latest`).then(() => 'here', () => 'missing')).toBe('missing');
  await page.goto(served.url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Registries' }).click();
  await page.getByLabel('Where').fill(REGISTRY);
  await page.getByLabel('Name contains').fill(RUN_REPO);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('button', { name: `Run ${RUN_REF}`, exact: true }).click();

  const dialog = page.getByRole('dialog', { name: 'Run a container' });
  await expect(dialog.getByTestId('run-missing-image')).toBeVisible();
  await dialog.getByRole('button', { name: `Pull ${RUN_REF}`, exact: true }).click();

  // Once pulled, the dialog continues to the run form and keeps the pull's final progress.
  const images = new ImagesPage(page);
  await expect(images.containerName).toBeVisible({ timeout: 60_000 });
  const pulled = dialog.getByTestId('run-pulled');
  await pulled.locator('summary').click();
  const progress = pulled.getByTestId('pull-progress');
  await expect(progress).toHaveAttribute('data-status', 'done');
  await expect(progress).toHaveAttribute('data-percent', '100');
  const layers = progress.getByTestId('layer-row');
  expect(await layers.count()).toBeGreaterThanOrEqual(1);
  for (const layer of await layers.all()) await expect(layer).toHaveAttribute('data-phase', 'complete');

  await images.containerName.fill(containerName);
  await images.runButton.click();
  await expect.poll(async () => dockerCli('inspect', '--format', '{{.State.Status}}', containerName).catch(() => ''), { timeout: 20_000 }).toBe('running');
  expect(await dockerCli('inspect', '--format', '{{.Config.Image}}', containerName)).toBe(RUN_REF);
});

test('an image removed while its Run dialog is open is pulled again from the dialog, then the run continues', async ({ page, served }) => {
  const images = new ImagesPage(page);
  await images.open(served.url);
  await images.search.fill(RUN_REPO);
  // Here since the test above pulled it (or pull it now when this test runs alone).
  await dockerCli('pull', `${RUN_REF}:latest`);
  await images.openRun(`${RUN_REF}:latest`);
  await images.containerName.fill(secondName);
  await dockerCli('rmi', '-f', `${RUN_REF}:latest`);
  await images.runButton.click();
  await expect(images.runError).toContainText('There is no image');
  await images.runDialog.getByRole('button', { name: `Pull ${RUN_REF}:latest and run` }).click();
  await expect.poll(async () => dockerCli('inspect', '--format', '{{.State.Status}}', secondName).catch(() => ''), { timeout: 30_000 }).toBe('running');
  await expect(images.runDialog).toHaveCount(0);
});

test('an image row shows its layer history, adds a tag and pushes it to a registry', async ({ page, served }) => {
  const images = new ImagesPage(page);
  await images.open(served.url);
  await images.search.fill(`porthole-test-hist-${RUN_ID}`);
  const row = images.row(HIST_TAG);
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: `Details of ${HIST_TAG}` }).click();

  const dialog = page.getByRole('dialog', { name: `Image ${HIST_TAG}` });
  const history = dialog.getByTestId('image-history');
  await expect(history).toBeVisible();
  await expect(history.locator('tbody tr').filter({ hasText: `GREETING=history-${RUN_ID}` })).toHaveCount(1);
  await expect(history.locator('tbody tr').filter({ hasText: 'COPY' })).toHaveCount(1);
  // The DOM contract of the row is unchanged.
  await expect(row.getByRole('button', { name: `Run ${HIST_TAG}` })).toHaveCount(1);
  await expect(row.getByRole('button', { name: `Remove ${HIST_TAG}` })).toHaveCount(1);

  await dialog.getByRole('tab', { name: 'Tag' }).click();
  await dialog.getByLabel('New tag').fill(HIST_EXTRA_TAG);
  await dialog.getByRole('button', { name: 'Add tag' }).click();
  await expect(dialog.getByTestId('tag-done')).toContainText(HIST_EXTRA_TAG);
  expect(await dockerCli('image', 'inspect', '--format', '{{.Id}}', HIST_EXTRA_TAG)).toBe(await dockerCli('image', 'inspect', '--format', '{{.Id}}', HIST_TAG));

  await dialog.getByRole('tab', { name: 'Push' }).click();
  await dialog.getByLabel('Push as').fill(PUSH_REF);
  await dialog.getByRole('button', { name: 'Tag and push' }).click();
  await expect(dialog.getByText(`✓ Pushed ${PUSH_REF}`)).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByTestId('pull-progress')).toHaveAttribute('data-percent', '100');
  const manifest = await fetch(`http://${REGISTRY}/v2/${PUSH_REPO}/manifests/1`, { method: 'HEAD', headers: { accept: 'application/vnd.docker.distribution.manifest.v2+json' } });
  expect(manifest.status).toBe(200);
});
