import type { Browser } from 'playwright-core';
import { engineContainerCount } from '../lib/engine';
import { newInstrumentedPage, openContainers } from '../lib/browser';
import type { Served } from '../lib/serve';
import { round } from '../lib/stats';
import type { Figure } from '../lib/figure';

/** B5: 5,000 containers in the list: first render, rows in the DOM, longest frame while scrolling. */
export async function bigList(browser: Browser, served: Served): Promise<Figure[]> {
  const total = await engineContainerCount();
  const page = await newInstrumentedPage(browser);
  await openContainers(page, served.url, total);
  // First render: switch away and back, timing from the click to rows in the DOM (data already in the store).
  await page.getByRole('link', { name: 'Overview' }).click();
  const renderMs = await page.evaluate(async () => {
    const t0 = performance.now();
    (document.querySelector('nav a[data-view="containers"]') as HTMLAnchorElement).click();
    await new Promise<void>((resolve) => {
      const check = () => (document.querySelector('[data-testid="container-row"]') ? resolve() : requestAnimationFrame(check));
      check();
    });
    return performance.now() - t0;
  });
  await page.getByRole('button', { name: 'All', exact: true }).click();
  const rowsInDom = await page.locator('[data-testid="container-row"]').count();
  const longestFrame = await page.evaluate(async () => {
    const scroller = document.querySelector('[data-testid="container-scroll"]') as HTMLElement;
    let last = performance.now();
    let worst = 0;
    const end = last + 4000;
    while (performance.now() < end) {
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
      scroller.scrollTop += 400;
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight) scroller.scrollTop = 0;
    }
    return worst;
  });
  await page.close();
  return [
    { id: 'B5a', name: `big list (${total} containers): first render`, value: round(renderMs), unit: 'ms', goal: '≤ 300 ms', met: renderMs <= 300 },
    { id: 'B5b', name: 'big list: row elements in the DOM', value: rowsInDom, unit: 'rows', goal: '≤ 100', met: rowsInDom <= 100 },
    { id: 'B5c', name: 'big list: longest frame while scrolling 4 s', value: round(longestFrame), unit: 'ms', goal: '≤ 50 ms', met: longestFrame <= 50 },
  ];
}
