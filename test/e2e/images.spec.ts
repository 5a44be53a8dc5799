import { rm } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { ImagesPage } from './pages/images-page';
import { busyboxImage, dockerCli, makeContext } from '../support/engine';
import { RUN_ID, TEST_LABEL, uniqueName } from '../support/run-id';

const buildLabelled = (tag: string, dir: string): Promise<string> => dockerCli('build', '-q', '--label', `${TEST_LABEL}=${RUN_ID}`, '-t', tag, dir);

test('the list follows the engine live, and can be searched (with /) and sorted', async ({ page, served }) => {
  const prefix = uniqueName('listing');
  const small = `${prefix}-a`;
  const big = `${prefix}-b`;
  const dirs = [
    await makeContext({ Dockerfile: `FROM ${busyboxImage()}\nLABEL which=${small}\n` }),
    await makeContext({ Dockerfile: `FROM ${busyboxImage()}\nCOPY blob /blob\n`, blob: 'x'.repeat(3_000_000) }),
    await makeContext({ Dockerfile: `FROM ${busyboxImage()}\nLABEL which=${small}-v2\n` }),
  ];
  const ids: string[] = [];
  const images = new ImagesPage(page);
  try {
    await images.open(served.url);
    await expect(page.getByTestId('image-row').first()).toBeVisible();
    // Made outside Porthole after the page loaded: the rows come from engine events, not a reload.
    ids.push(await buildLabelled(small, dirs[0]));
    ids.push(await buildLabelled(big, dirs[1]));
    await expect(images.row(small)).toBeVisible();
    await expect(images.row(big)).toBeVisible();
    await expect(images.row(big)).toContainText('MB');

    await page.locator('body').click();
    await page.keyboard.press('/');
    await expect(images.search).toBeFocused();
    await page.keyboard.type(prefix);
    const rows = page.getByTestId('image-row');
    await expect(rows).toHaveCount(2);

    const sortBy = page.getByRole('combobox', { name: 'Sort by' });
    await sortBy.selectOption({ label: 'Name A–Z' });
    await expect(rows.nth(0)).toHaveAttribute('data-tag', `${small}:latest`);
    await sortBy.selectOption({ label: 'Name Z–A' });
    await expect(rows.nth(0)).toHaveAttribute('data-tag', `${big}:latest`);
    await sortBy.selectOption({ label: 'Smallest first' });
    await expect(rows.nth(0)).toHaveAttribute('data-tag', `${small}:latest`);
    await page.getByRole('columnheader', { name: 'Size' }).getByRole('button').click();
    await expect(rows.nth(0)).toHaveAttribute('data-tag', `${big}:latest`);

    // Re-using a tag leaves the old image dangling: it shows as <none>, findable by its short id.
    ids.push(await buildLabelled(small, dirs[2]));
    const danglingShortId = ids[0].replace('sha256:', '').slice(0, 12);
    await images.search.fill(danglingShortId);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute('data-tag', '<none>');
    await expect(rows.first()).toContainText(danglingShortId);

    // Removed outside Porthole: the row goes away by itself.
    await images.search.fill(prefix);
    await dockerCli('rmi', big);
    await expect(images.row(big)).toHaveCount(0);
    await images.search.fill('no-such-image-anywhere');
    await expect(page.getByTestId('images-no-match')).toContainText('No image matches');
  } finally {
    for (const ref of [big, small, ...ids]) await dockerCli('rmi', ref).catch(() => {});
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
});

test('a build keeps running when its dialog closes, shows in the sidebar, and can be cancelled', async ({ page, served }) => {
  const marker = uniqueName('slow-step');
  const tag = uniqueName('cancelled-build');
  const dir = await makeContext({ Dockerfile: `FROM ${busyboxImage()}\nRUN ["/bin/busybox", "sh", "-c", "echo ${marker}; sleep 60"]\nCMD ["/bin/busybox", "true"]\n` });
  const images = new ImagesPage(page);
  const leftovers = async () => (await dockerCli('ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Command}}')).split('\n').filter((l) => l.includes(marker));
  try {
    await images.open(served.url);
    await images.build(dir, tag);
    await expect(images.buildStep).toHaveText('Step 2 of 3');
    await expect(images.buildOutput).toContainText(marker);
    await expect(page.getByRole('progressbar', { name: 'Build progress' })).toHaveAttribute('aria-valuetext', 'Step 2 of 3');

    await images.closeDialog();
    const indicator = page.getByTestId('tasks-indicator');
    await expect(indicator).toContainText(tag);
    await expect(indicator).toContainText('Step 2 of 3');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Overview' }).click();
    await indicator.getByRole('button', { name: new RegExp(tag) }).click();
    await expect(images.buildOutput).toContainText(marker);

    expect(await leftovers()).toHaveLength(1);
    await images.cancelBuildButton.click();
    await expect(images.buildStatus).toHaveText('Cancelled');
    await expect(images.buildDialog).toContainText('nothing was tagged');
    // Cancelling reached the engine: the step's container is stopped and removed, and no image is tagged.
    await expect.poll(leftovers, { timeout: 30_000 }).toEqual([]);
    expect(await dockerCli('image', 'inspect', tag).then(() => true, () => false)).toBe(false);
    await expect(indicator).toHaveCount(0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
