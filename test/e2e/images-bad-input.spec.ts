import { createServer, type AddressInfo, type Server } from 'node:net';
import { rm } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { ImagesPage } from './pages/images-page';
import { busyboxImage, dockerCli, makeContext } from '../support/engine';
import { RUN_ID, TEST_LABEL, uniqueName } from '../support/run-id';

const exists = (ref: string, kind: 'image' | 'container'): Promise<boolean> =>
  dockerCli(kind, 'inspect', ref).then(
    () => true,
    () => false,
  );

/** Containers (any state) whose command line contains `marker`: a failed or cancelled build must leave none. */
const containersWith = async (marker: string): Promise<string[]> =>
  (await dockerCli('ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Command}}')).split('\n').filter((l) => l.includes(marker));

test.describe('bad input gets a clear message and leaves nothing behind', () => {
  test('a Dockerfile whose RUN fails: BUILD_FAILED with the engine’s message, the step’s output, no image', async ({ page, served }) => {
    const marker = uniqueName('about-to-fail');
    const tag = uniqueName('failing-build');
    const dir = await makeContext({ Dockerfile: `FROM ${busyboxImage()}\nRUN ["/bin/busybox", "sh", "-c", "echo ${marker}; exit 3"]\n` });
    const images = new ImagesPage(page);
    try {
      await images.open(served.url);
      await images.build(dir, tag);
      await expect(images.buildStatus).toHaveText('Build failed', { timeout: 60_000 });
      await expect(images.buildError).toHaveAttribute('data-error-code', 'BUILD_FAILED');
      await expect(images.buildError).toContainText('Build failed');
      await expect(images.buildError).toContainText('returned a non-zero code: 3');
      await expect(images.buildOutput).toContainText('Step 2/2 : RUN');
      await expect(images.buildOutput).toContainText(marker);
      // The failure stays visible after closing the dialog, in the sidebar's tasks indicator.
      await images.closeDialog();
      await expect(page.getByTestId('tasks-indicator')).toContainText(tag);
      await expect(page.getByTestId('tasks-indicator')).toContainText('Build failed');
      expect(await exists(tag, 'image')).toBe(false);
      await expect.poll(() => containersWith(marker)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('an invalid tag or a folder without a Dockerfile is refused inline, before anything is sent', async ({ page, served }) => {
    const sent: string[] = [];
    page.on('websocket', (ws) => ws.on('framesent', (frame) => sent.push(String(frame.payload))));
    const dir = await makeContext({ 'app/Dockerfile': `FROM ${busyboxImage()}\n` });
    const images = new ImagesPage(page);
    try {
      await images.open(served.url);
      await images.openBuild();
      await images.fillBuild(dir, 'Greeting App');
      await expect(images.folderNote).toHaveText(`There is no Dockerfile in ${dir}.`);
      await expect(images.tagNote).toHaveText('"Greeting App" is not valid: repository names must be lowercase.');
      await expect(images.tagField).toHaveAttribute('aria-invalid', 'true');
      await expect(images.startBuildButton).toBeDisabled();

      await images.folderField.fill(`${dir}/app`);
      await expect(images.folderNote).toHaveText('✓ Dockerfile found.');
      for (const bad of ['greeting-app:', 'greeting app', '-greeting', 'greeting-app@sha256:abc']) {
        await images.tagField.fill(bad);
        await expect(images.tagNote).toHaveText(/not (a )?valid|digest/);
        await expect(images.startBuildButton).toBeDisabled();
        await images.tagField.press('Enter');
      }
      await images.tagField.fill('greeting-app:1.0');
      await expect(images.tagNote).not.toHaveText(/valid/);
      await expect(images.startBuildButton).toBeEnabled();
      expect(sent.filter((f) => f.includes('images:build'))).toEqual([]);
      expect(sent.some((f) => f.includes('host:validate-folder'))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a host port already in use: PORT_IN_USE naming the port, no container, and a one-click free port', async ({ page, served }) => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const busyPort = (server.address() as AddressInfo).port;
    const name = uniqueName('port-clash');
    const images = new ImagesPage(page);
    try {
      await images.open(served.url);
      await images.openRun(busyboxImage());
      // The busybox image EXPOSEs nothing: add a port row by hand.
      await images.runDialog.getByRole('button', { name: 'Add port' }).click();
      await images.containerName.fill(name);
      await images.hostPort().fill(String(busyPort));
      await images.containerPort().fill('3000');
      await images.runDialog.getByLabel('Command').fill('/bin/busybox httpd -f -p 3000');
      await images.runButton.click();
      await expect(images.runError).toHaveAttribute('data-error-code', 'PORT_IN_USE');
      await expect(images.runError).toContainText(`Port ${busyPort} on 127.0.0.1 is already in use.`);
      expect(await exists(name, 'container')).toBe(false);

      const useButton = images.runDialog.getByRole('button', { name: /^Use \d+$/ });
      const suggestion = Number((await useButton.textContent())!.replace('Use ', ''));
      expect(suggestion).toBeGreaterThan(busyPort);
      await useButton.click();
      await expect(images.hostPort()).toHaveValue(String(suggestion));
      await expect(images.runError).toHaveCount(0);
      await images.runButton.click();
      await expect(images.runDialog).toHaveCount(0);
      const bindings = JSON.parse(await dockerCli('inspect', '--format', '{{json .HostConfig.PortBindings}}', name)) as Record<string, { HostPort: string }[]>;
      expect(bindings['3000/tcp'][0].HostPort).toBe(String(suggestion));
      expect(JSON.parse(await dockerCli('inspect', '--format', '{{json .Config.Cmd}}', name))).toEqual(['/bin/busybox', 'httpd', '-f', '-p', '3000']);
    } finally {
      server.close();
      await dockerCli('rm', '-f', name).catch(() => {});
    }
  });

  test('removing an image in use names the container and needs an explicit force', async ({ page, served }) => {
    const tag = uniqueName('in-use-image');
    const container = uniqueName('image-user');
    const dir = await makeContext({ Dockerfile: `FROM ${busyboxImage()}\nLABEL purpose=${tag}\n` });
    try {
      await dockerCli('build', '-q', '--label', `${TEST_LABEL}=${RUN_ID}`, '-t', tag, dir);
      await dockerCli('create', '--label', `${TEST_LABEL}=${RUN_ID}`, '--name', container, tag, '/bin/busybox', 'true');
      const images = new ImagesPage(page);
      await images.open(served.url);
      await expect(images.row(tag)).toContainText('1 container');
      await images.openRemove(tag);
      const usedBy = images.removeDialog.getByTestId('image-used-by');
      await expect(usedBy).toContainText('A container uses this image:');
      await expect(usedBy).toContainText(`${container} (created)`);
      const remove = images.removeDialog.getByRole('button', { name: 'Remove', exact: true });
      await expect(remove).toBeDisabled();
      await images.removeDialog.getByRole('checkbox', { name: /Remove it anyway \(force\)/ }).check();
      await remove.click();
      await expect(images.removeDialog).toHaveCount(0);
      await expect(images.row(tag)).toHaveCount(0);
      expect(await exists(tag, 'image')).toBe(false);
      expect(await exists(container, 'container')).toBe(true);
    } finally {
      await dockerCli('rm', '-f', container).catch(() => {});
      await dockerCli('rmi', tag).catch(() => {});
      await rm(dir, { recursive: true, force: true });
    }
  });
});
