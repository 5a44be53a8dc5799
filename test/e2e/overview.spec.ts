import { test, expect } from './fixtures';
import { OverviewPage } from './pages/overview-page';
import { dockerCli } from '../support/engine';

test('the printed URL shows the engine version, the container counts docker info reports and the image count docker images lists', async ({ page, served }) => {
  const overview = new OverviewPage(page);
  await overview.open(served.url);
  const version = await dockerCli('version', '--format', '{{.Server.Version}}');
  await expect(overview.engineVersion).toHaveText(version);

  // Other suites may create containers meanwhile, so compare against docker info until both agree.
  await expect(async () => {
    const info = JSON.parse(await dockerCli('info', '--format', '{{json .}}')) as Record<string, number>;
    await expect(overview.running).toHaveText(String(info.ContainersRunning), { timeout: 1000 });
    await expect(overview.stopped).toHaveText(String(info.ContainersStopped), { timeout: 1000 });
    // Images as `docker images` counts them (one row per tag), not docker info's count with intermediate layers.
    const rows = (await dockerCli('images', '--format', '{{.ID}}')).split('\n').filter(Boolean).length;
    await expect(overview.images).toHaveText(String(rows), { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  // The token has left the address bar (it stays in this tab's session storage for reloads).
  expect(page.url()).not.toContain('token=');
});
