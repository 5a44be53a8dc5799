import { test, expect } from './fixtures';
import { ImagesPage } from './pages/images-page';
import { PullPage } from './pages/pull-page';
import { buildLabelledImage, dockerCli, RUN_ID } from '../support/engine';
import { uniqueName } from '../support/run-id';

const REPO = `porthole-test-${RUN_ID}/e2e`;
const REF = `127.0.0.1:5000/${REPO}:1`;
const containerName = uniqueName('pulled');

test.beforeAll(async () => {
  await buildLabelledImage(REF, {
    // busybox picks its applet from its own file name: it must be called busybox. It shares its layer
    // with this run's hello.txt, so the layer is new to the engine (not "exists", as the test image's is).
    Dockerfile: 'FROM scratch\nCOPY busybox hello.txt /bin/\nCOPY hello.txt /srv/hello.txt\nCMD ["/bin/busybox", "httpd", "-f", "-p", "8080", "-h", "/srv"]\n',
    'hello.txt': `hello from ${RUN_ID}\n`,
  });
  await dockerCli('push', REF);
  await dockerCli('rmi', REF);
});

test.afterAll(async () => {
  await dockerCli('rm', '-f', containerName).catch(() => '');
  await dockerCli('rmi', REF).catch(() => '');
  const headers = { accept: 'application/vnd.docker.distribution.manifest.v2+json' };
  const head = await fetch(`http://127.0.0.1:5000/v2/${REPO}/manifests/1`, { method: 'HEAD', headers }).catch(() => null);
  const digest = head?.headers.get('docker-content-digest');
  if (digest) await fetch(`http://127.0.0.1:5000/v2/${REPO}/manifests/${digest}`, { method: 'DELETE', headers }).catch(() => null);
});

test('pull from the local registry shows each layer and the total, then the image runs', async ({ page, served }) => {
  const images = new ImagesPage(page);
  const pull = new PullPage(page);
  await images.open(served.url);
  await pull.open();
  await pull.pull(REF);

  await expect(pull.done).toBeVisible({ timeout: 60_000 });
  await expect(pull.progress).toHaveAttribute('data-status', 'done');
  await expect(pull.progress).toHaveAttribute('data-percent', '100');
  await expect(pull.progress.getByRole('progressbar', { name: 'Pull progress' })).toHaveAttribute('aria-valuenow', '100');
  expect(await pull.layers.count()).toBeGreaterThanOrEqual(2);
  for (const layer of await pull.layers.all()) await expect(layer).toHaveAttribute('data-phase', 'complete');
  expect(await dockerCli('image', 'inspect', '--format', '{{.Id}}', REF)).toMatch(/^sha256:/);

  // Run it straight from the finished pull, through the Images view's run dialog.
  await pull.dialog.getByRole('button', { name: `Run ${REF}` }).click();
  await images.containerName.fill(containerName);
  await images.runButton.click();
  await expect.poll(async () => dockerCli('inspect', '--format', '{{.State.Status}}', containerName).catch(() => ''), { timeout: 20_000 }).toBe('running');
  // Serving, not merely started: an image whose entrypoint dies at once (exit 127) is caught here.
  const body = await dockerCli('exec', containerName, '/bin/busybox', 'wget', '-qO-', 'http://127.0.0.1:8080/hello.txt');
  expect(body).toBe(`hello from ${RUN_ID}`);
  // Running opens the new container's detail; the pulled image is listed in the Images view too.
  await images.open();
  await expect(images.row(REF)).toBeVisible();
});

test('a pull of an unknown tag fails with the registry\'s words', async ({ page, served }) => {
  const images = new ImagesPage(page);
  const pull = new PullPage(page);
  await images.open(served.url);
  await pull.open();
  await pull.imageField.fill('Not A Reference');
  await pull.dialog.getByRole('button', { name: 'Pull', exact: true }).click();
  await expect(pull.dialog.getByText(/not valid|lowercase/)).toBeVisible();

  await pull.pull(`127.0.0.1:5000/${REPO}:no-such-tag`);
  await expect(pull.error).toContainText(/manifest unknown|not found/i, { timeout: 30_000 });
  await expect(pull.progress).toHaveAttribute('data-status', 'failed');
  await expect(pull.done).toHaveCount(0);
});
