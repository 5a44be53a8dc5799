import { rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { test, expect } from './fixtures';
import { ImagesPage } from './pages/images-page';
import { PullPage } from './pages/pull-page';
import { seriousViolations } from './ux/checks';
import { busyboxImage, dockerCli, makeContext } from '../support/engine';
import { uniqueName } from '../support/run-id';

/**
 * A registry that answers the engine's ping and then never answers the manifest request: a pull from it
 * keeps running until it is cancelled (the engine's TLS attempt gets a plain-HTTP reply and falls back to HTTP).
 */
async function stalledRegistry(): Promise<{ host: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    if (req.url === '/v2/') res.writeHead(200, { 'Docker-Distribution-API-Version': 'registry/2.0', 'Content-Type': 'application/json' }).end('{}');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

test('a pull keeps going when its dialog closes and shows in the tasks indicator next to a build; both reopen and cancel from there', async ({ page, served }) => {
  const marker = uniqueName('indicator-step');
  const tag = uniqueName('indicator-build');
  const dir = await makeContext({ Dockerfile: `FROM ${busyboxImage()}\nRUN ["/bin/busybox", "sh", "-c", "echo ${marker}; sleep 60"]\n` });
  const registry = await stalledRegistry();
  const reference = `${registry.host}/porthole-test/hangs:1`;
  const images = new ImagesPage(page);
  const pull = new PullPage(page);
  const indicator = page.getByTestId('tasks-indicator');
  try {
    await page.setViewportSize({ width: 800, height: 600 });
    await images.open(served.url);
    await images.build(dir, tag);
    await expect(images.buildOutput).toContainText(marker);
    await images.closeDialog();

    await pull.open();
    await pull.pull(reference);
    await expect(pull.progress).toHaveAttribute('data-status', 'running');
    await expect(pull.dialog).toContainText('Closing keeps the pull running.');
    await pull.dialog.getByRole('button', { name: 'Close' }).first().click();
    await expect(pull.dialog).toHaveCount(0);

    const pullLine = indicator.locator('[data-kind="pull"]');
    const buildLine = indicator.locator('[data-kind="build"]');
    await expect(pullLine).toContainText(reference);
    await expect(buildLine).toContainText(tag);
    await page.screenshot({ path: 'test-results/tasks-indicator-800.png' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: 'test-results/tasks-indicator-1280.png' });
    expect(await seriousViolations(page, '[data-testid="tasks-indicator"]')).toEqual([]);

    // The pull reopens in its own dialog, still running, and Cancel stops it.
    await pullLine.getByRole('button', { name: new RegExp(reference.replace(/[.]/g, '\\.')) }).click();
    await expect(pull.dialog).toContainText(reference);
    await expect(pull.progress).toHaveAttribute('data-status', 'running');
    await pull.dialog.getByRole('button', { name: 'Cancel pull' }).click();
    await expect(pull.progress).toHaveAttribute('data-status', 'cancelled');
    await expect(pullLine).toHaveCount(0);
    await pull.dialog.getByRole('button', { name: 'Close', exact: true }).first().click();

    // The build reopens in the build dialog.
    await buildLine.getByRole('button', { name: new RegExp(tag) }).click();
    await images.cancelBuildButton.click();
    await expect(images.buildStatus).toHaveText('Cancelled');
    await expect(indicator).toHaveCount(0);
  } finally {
    await registry.close();
    await rm(dir, { recursive: true, force: true });
    await dockerCli('image', 'rm', tag).catch(() => {});
  }
});
