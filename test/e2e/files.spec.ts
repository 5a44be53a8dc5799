import { randomBytes } from 'node:crypto';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { ContainersPage } from './pages/containers-page';
import { docker, dockerCli } from '../support/engine';
import { ShellContainers } from '../support/shell-image';

const shells = new ShellContainers();
test.beforeAll(() => shells.prepare());
test.afterAll(() => shells.removeAll());

async function openFiles(page: ContainersPage['page'], url: string, name: string): Promise<void> {
  const containers = new ContainersPage(page);
  await page.goto(`${url}#/containers`);
  await containers.filter(name);
  await containers.openDetail(name);
  await page.getByRole('tab', { name: 'Files' }).click();
  await expect(page.getByTestId('files-tab')).toBeVisible();
}

const row = (page: ContainersPage['page'], name: string) => page.locator(`[data-testid="files-table"] tr[data-name="${name}"]`);

test('browse, upload, download byte-exact, edit and save', async ({ page, served }) => {
  test.setTimeout(120_000);
  const name = await shells.make('files');
  await openFiles(page, served.url, name);
  await expect(page.getByRole('note')).toContainText('lost when the container is removed');

  await row(page, 'srv').getByRole('button', { name: 'srv', exact: true }).click();
  await row(page, 'data').getByRole('button', { name: 'data', exact: true }).click();
  await expect(row(page, 'hello.txt')).toContainText('rw-r--r--');

  // Edit and save: the container has the new text.
  await row(page, 'hello.txt').getByRole('button', { name: 'hello.txt', exact: true }).click();
  const editor = page.getByLabel('Contents of /srv/data/hello.txt');
  await expect(editor).toHaveValue('hello from the image\n');
  await editor.fill('edited in Porthole ✓\n');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('file-editor').getByRole('status')).toHaveText('Saved');
  expect(await dockerCli('exec', name, 'cat', '/srv/data/hello.txt')).toBe('edited in Porthole ✓');
  await page.getByRole('button', { name: 'Close' }).click();

  expect((await new AxeBuilder({ page }).include('[data-testid="container-detail"]').analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

  // Upload through the picker, then download: the same bytes come back.
  const dir = await mkdtemp(join(tmpdir(), 'porthole-files-'));
  const binary = randomBytes(200_000);
  await writeFile(join(dir, 'blob.bin'), binary);
  await page.getByLabel('Files to upload into /srv/data').setInputFiles(join(dir, 'blob.bin'));
  await expect(row(page, 'blob.bin')).toBeVisible({ timeout: 15_000 });
  expect(await dockerCli('exec', name, 'wc', '-c', '/srv/data/blob.bin')).toMatch(/^200000 /);
  const downloading = page.waitForEvent('download');
  await row(page, 'blob.bin').getByRole('button', { name: 'Download blob.bin' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('blob.bin');
  expect((await readFile(await download.path())).equals(binary)).toBe(true);
});

test('a climbing path is refused, and a container removed mid-browse says so', async ({ page, served }) => {
  test.setTimeout(90_000);
  const name = await shells.make('files-gone', 'create');
  await openFiles(page, served.url, name);
  await expect(row(page, 'srv')).toBeVisible();

  // The page's own WebSocket path, with a path that climbs: refused before the engine sees it.
  const refused = await page.evaluate(async (containerId) => {
    const token = sessionStorage.getItem('porthole.token') ?? '';
    const ws = new WebSocket(`ws://${location.host}/ws?token=${encodeURIComponent(token)}`);
    await new Promise((resolve) => (ws.onopen = resolve));
    // The host first pushes the engine status to a new socket; the answer is the result with our id.
    const answer = new Promise<string>(
      (resolve) =>
        (ws.onmessage = (e) => {
          const text = String(e.data);
          const msg = JSON.parse(text) as { t: string; id?: number };
          if (msg.t === 'result' && msg.id === 1) resolve(text);
        }),
    );
    ws.send(JSON.stringify({ t: 'invoke', id: 1, channel: 'files:list', input: { containerId, path: '/srv/../../etc' } }));
    const text = await answer;
    ws.close();
    return JSON.parse(text) as { result: { ok: boolean; error?: { code: string } } };
  }, name);
  expect(refused.result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

  await docker.getContainer(name).remove({ force: true });
  // Whichever comes first — the Files tab's next read, or the engine's "destroy" event — the page says it in words.
  await row(page, 'srv').getByRole('button', { name: 'srv', exact: true }).click({ timeout: 2_000 }).catch(() => {});
  await expect(page.getByText(/This container no longer exists/).first()).toBeVisible({ timeout: 10_000 });
});
