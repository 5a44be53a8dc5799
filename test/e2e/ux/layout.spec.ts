import { test, expect } from '../fixtures';
import { layoutProblems, openView, SIZES, viewNames } from './checks';

// Every view the sidebar lists (including ones added later) at three window sizes: nothing scrolls
// sideways, nothing is cut off, nothing is drawn past the window's edge. Screenshots land in test-results/ux/.
for (const size of SIZES) {
  test(`every view fits a ${size.width}×${size.height} window`, async ({ page, served }) => {
    await page.setViewportSize(size);
    await page.goto(served.url);
    const found: string[] = [];
    for (const view of await viewNames(page)) {
      await openView(page, view);
      await page.screenshot({ path: `test-results/ux/layout-${view}-${size.width}.png` });
      for (const p of await layoutProblems(page)) found.push(`${view}: ${p.what} — ${p.element} (${p.scrollWidth} > ${p.clientWidth})`);
    }
    expect(found).toEqual([]);
  });
}
