import { test, expect } from '../fixtures';

test('keyboard: a skip link, visible focus, `/` focuses the view’s search, arrow keys move through rows', async ({ page, served }) => {
  await page.goto(`${served.url}#/images`);
  await expect(page.locator('[data-testid="image-row"]').first()).toBeVisible();
  // The first Tab reaches the skip link, which moves focus past the sidebar.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#content')).toBeFocused();
  // `/` focuses this view's search.
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search images')).toBeFocused();
  await page.keyboard.press('Escape');
  // Arrow keys move between rows; the focused row shows an outline.
  const rows = page.locator('[data-testid="image-row"]');
  if ((await rows.count()) >= 2) {
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(rows.nth(1)).toBeFocused();
    const outline = await rows.nth(1).evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('ArrowUp');
    await expect(rows.first()).toBeFocused();
  }
  // The sidebar is reachable and shows focus.
  const navLink = page.locator('nav a[data-view="volumes"]');
  await navLink.focus();
  expect(await navLink.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.locator('main[data-view="volumes"]')).toBeVisible();
});
