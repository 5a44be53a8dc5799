import { test, expect } from '../fixtures';
import { DIALOGS, openView, seriousViolations, viewNames } from './checks';

test('no view has a serious or critical accessibility violation (axe-core)', async ({ page, served }) => {
  test.setTimeout(240_000);
  await page.goto(served.url);
  const found: string[] = [];
  for (const view of await viewNames(page)) {
    await openView(page, view);
    for (const v of await seriousViolations(page)) found.push(`${view}: ${v}`);
  }
  expect(found).toEqual([]);
});

test('no dialog has a serious or critical accessibility violation, and each fits 800 px', async ({ page, served }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(served.url);
  await viewNames(page);
  const found: string[] = [];
  for (const d of DIALOGS) {
    await openView(page, d.view);
    const opener = page.locator('main').getByRole('button', { name: d.opener }).first();
    if (!(await opener.isVisible()) || !(await opener.isEnabled())) continue;
    await opener.click();
    const dialog = page.locator('dialog[open]');
    await expect(dialog).toBeVisible();
    await page.screenshot({ path: `test-results/ux/dialog-${d.view}-${String(d.opener.source).replace(/\W+/g, '')}-800.png` });
    for (const v of await seriousViolations(page, 'dialog[open]')) found.push(`${d.view} ${d.opener}: ${v}`);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  }
  expect(found).toEqual([]);
});
