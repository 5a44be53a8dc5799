import type { Browser } from 'playwright-core';
import { createContainers, engineContainerCount } from '../lib/engine';
import { longestTaskSince, newInstrumentedPage, openContainers, pageNow, waitForCount } from '../lib/browser';
import type { Served } from '../lib/serve';
import { round } from '../lib/stats';
import type { Figure } from '../lib/figure';

/** B3: 500 containers created in a burst outside Porthole → the list count equals the engine's. */
export async function eventStorm(browser: Browser, served: Served): Promise<{ figures: Figure[]; ids: string[] }> {
  const page = await newInstrumentedPage(browser);
  await openContainers(page, served.url, await engineContainerCount());
  const since = await pageNow(page);
  const t0 = performance.now();
  const ids = await createContainers(500, 'b3');
  const burstMs = performance.now() - t0;
  const tEnd = performance.now();
  await waitForCount(page, await engineContainerCount(), 60_000);
  const consistentMs = performance.now() - tEnd;
  const longest = await longestTaskSince(page, since);
  await page.close();
  return {
    ids,
    figures: [
      {
        id: 'B3',
        name: `event storm: 500 creates in ${round(burstMs / 1000, 1)} s → list count = engine count`,
        value: round(consistentMs),
        unit: 'ms after the burst',
        goal: '≤ 2000 ms; no task > 200 ms',
        met: consistentMs <= 2000 && longest <= 200,
        note: `longest main-thread task ${round(longest)} ms`,
      },
    ],
  };
}
