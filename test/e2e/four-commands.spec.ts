import { cp, copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { ImagesPage } from './pages/images-page';
import { ContainersPage } from './pages/containers-page';
import { dockerCli } from '../support/engine';
import { RUN_ID, uniqueName } from '../support/run-id';
import { isPortFree } from '../../main/lib/ports';

/** A temporary copy of test/fixtures/greeting-app with /bin/busybox added (the binary is not committed). */
async function greetingAppFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'porthole-greeting-'));
  await cp(join(__dirname, '../fixtures/greeting-app'), dir, { recursive: true });
  await copyFile('/bin/busybox', join(dir, 'busybox'));
  return dir;
}

const imageIdOf = (ref: string): Promise<string | null> => dockerCli('image', 'inspect', '--format', '{{.Id}}', ref).catch(() => null);

test('the four commands by clicking: build the greeting app, run it on port 4000, kill it, remove it', async ({ page, served }) => {
  test.setTimeout(150_000);
  const folder = await greetingAppFolder();
  const tag = `greeting-app-${RUN_ID}`.toLowerCase();
  const name = uniqueName('greeting');
  const images = new ImagesPage(page);
  try {
    // 1. docker build -t greeting-app .
    await images.open(served.url);
    await images.openBuild();
    await images.fillBuild(folder, tag);
    await expect(images.folderNote).toHaveText(/Dockerfile found/);
    await images.startBuildButton.click();
    await expect(images.buildStatus).toHaveText('Built', { timeout: 60_000 });
    await expect(images.buildStep).toHaveText('All 5 steps done');
    await expect(images.buildOutput).toContainText('Step 2/5 : COPY busybox /bin/busybox');
    await expect(images.buildOutput).toContainText(`Successfully tagged ${tag}:latest`);
    await images.closeDialog();
    // The list updated from the engine's `tag` event, without a reload.
    await expect(images.row(tag)).toBeVisible();
    await expect(images.row(tag)).toContainText('unused');

    // 2. docker run -p 4000:3000 greeting-app
    await images.openRun(tag);
    await expect(images.containerPort()).toHaveValue('3000');
    await expect(images.hostPort()).not.toHaveValue('');
    await images.containerName.fill(name);
    await images.hostPort().fill('4000');
    let port = 4000;
    if (!(await isPortFree(4000))) {
      // 4000 is taken on this machine: the UI says so before creating anything and proposes a free port.
      await images.runButton.click();
      await expect(images.runError).toContainText('Port 4000');
      const useButton = images.runDialog.getByRole('button', { name: /^Use \d+$/ });
      port = Number((await useButton.textContent())!.replace('Use ', ''));
      expect(await isPortFree(port)).toBe(true);
      await useButton.click();
      await expect(images.hostPort()).toHaveValue(String(port));
    }
    await images.runButton.click();
    await expect(page.getByRole('status').getByText(`Open http://127.0.0.1:${port}`)).toBeVisible();

    // The app answers on the host port.
    await expect
      .poll(async () => fetch(`http://127.0.0.1:${port}/`).then((r) => r.text()).catch((e: Error) => e.message), { timeout: 15_000 })
      .toContain('Hello from the greeting app!');

    // 3. The UI landed on the new container in Containers; its row in the list shows the port as a link; kill it there.
    const containers = new ContainersPage(page);
    await expect(containers.detail).toHaveAttribute('data-name', name);
    await page.getByRole('button', { name: /All containers/ }).click();
    await containers.filter(name);
    const row = containers.row(name);
    await expect(row).toHaveAttribute('data-state', 'running');
    const link = row.getByRole('link', { name: `127.0.0.1:${port}` });
    await expect(link).toHaveAttribute('href', `http://127.0.0.1:${port}`);
    await containers.action(name, 'Kill').click();
    await expect(row).not.toHaveAttribute('data-state', 'running');
    expect(await dockerCli('inspect', '--format', '{{.State.Running}}', name)).toBe('false');

    // 4. docker rm: remove it from the UI.
    await containers.action(name, 'Remove').click();
    await containers.removeDialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(row).toHaveCount(0);
    await expect(dockerCli('inspect', name)).rejects.toThrow();
  } finally {
    await dockerCli('rm', '-f', name).catch(() => {});
    // By tag, not force: an identical build by someone else shares the image id (build cache), and keeps its own tag.
    if (await imageIdOf(tag)) await dockerCli('rmi', tag).catch(() => {});
    await rm(folder, { recursive: true, force: true });
  }
});
