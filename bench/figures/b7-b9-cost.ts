import type { Browser, Page } from 'playwright-core';
import { createContainers, engineContainerCount } from '../lib/engine';
import { newInstrumentedPage, openContainers } from '../lib/browser';
import { cpuMs, rssBytes, socketCount, unixSocketCount } from '../lib/proc';
import type { Served } from '../lib/serve';
import { round } from '../lib/stats';
import type { Figure } from '../lib/figure';

const IDLE_MS = 60_000;

const hide = (page: Page) =>
  page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });

/** B7: idle cost with 50 running containers and the list open; then the window hidden: zero stats streams. */
export async function idleCost(browser: Browser, served: Served): Promise<{ figures: Figure[]; ids: string[] }> {
  const ids = await createContainers(50, 'b7', true);
  const page = await newInstrumentedPage(browser);
  await openContainers(page, served.url, await engineContainerCount());
  // Idle keep-alive connections to the engine close after 5 s; wait them out before each count.
  const settle = () => page.waitForTimeout(6000);
  await settle();
  const baselineSockets = unixSocketCount(served.pid);
  // Open one container's stats so a stats stream exists, then go back to the list.
  await page.locator('[data-testid="container-row"][data-state="running"] .ct-open').first().click();
  await page.getByRole('tab', { name: 'Stats' }).click();
  await page.getByTestId('stats-view').waitFor();
  await page.waitForTimeout(1500);
  const withStats = unixSocketCount(served.pid);
  await page.getByRole('button', { name: '← All containers' }).click();
  await page.waitForTimeout(2000);
  const c0 = cpuMs(served.pid);
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, IDLE_MS));
  const cpuPercent = ((cpuMs(served.pid) - c0) / (performance.now() - t0)) * 100;
  // Hidden window: open stats again, hide, and count the host's sockets (each engine stream is one).
  await page.locator('[data-testid="container-row"][data-state="running"] .ct-open').first().click();
  await page.getByRole('tab', { name: 'Stats' }).click();
  await page.getByTestId('stats-view').waitFor();
  await page.waitForTimeout(1500);
  await hide(page);
  await settle();
  const hiddenSockets = unixSocketCount(served.pid);
  await page.close();
  return {
    ids,
    figures: [
      { id: 'B7a', name: `idle cost: 50 running, list open, ${IDLE_MS / 1000} s`, value: round(cpuPercent, 3), unit: '% of a core', goal: '≤ 1 %', met: cpuPercent <= 1 },
      {
        id: 'B7b',
        name: 'window hidden with a stats view open: engine connections above the list-only baseline',
        value: hiddenSockets - baselineSockets,
        unit: 'streams',
        goal: '0',
        met: hiddenSockets - baselineSockets <= 0,
        note: `connections to the engine: list open ${baselineSockets}, stats open ${withStats}, window hidden ${hiddenSockets}`,
      },
    ],
  };
}

/** B9: host process RSS with the list of all containers on the engine loaded in the page. */
export async function memoryWithList(browser: Browser, served: Served): Promise<Figure[]> {
  const total = await engineContainerCount();
  const page = await newInstrumentedPage(browser);
  await openContainers(page, served.url, total);
  await page.waitForTimeout(1000);
  const rss = rssBytes(served.pid);
  await page.close();
  return [{ id: 'B9', name: `host process RSS with ${total} containers listed`, value: round(rss / 2 ** 20, 1), unit: 'MiB', goal: '≤ 150 MB (143 MiB)', met: rss <= 150e6 }];
}

/** B8: open/close logs and stats of a container 200 times; RSS and sockets back to baseline ±5 %. */
export async function noLeak(browser: Browser, served: Served): Promise<Figure[]> {
  const page = await newInstrumentedPage(browser);
  await openContainers(page, served.url, await engineContainerCount());
  const row = page.locator('[data-testid="container-row"][data-state="running"] .ct-open').first();
  const cycle = async () => {
    await row.click();
    await page.getByTestId('logs-view').waitFor();
    await page.getByRole('tab', { name: 'Stats' }).click();
    await page.getByTestId('stats-view').waitFor();
    await page.getByRole('button', { name: '← All containers' }).click();
  };
  for (let i = 0; i < 5; i++) await cycle();
  await page.waitForTimeout(1500);
  const rss0 = rssBytes(served.pid);
  const sockets0 = socketCount(served.pid);
  for (let i = 0; i < 200; i++) await cycle();
  await page.waitForTimeout(3000);
  const rss1 = rssBytes(served.pid);
  const sockets1 = socketCount(served.pid);
  await page.close();
  const rssRatio = rss1 / rss0;
  return [
    { id: 'B8a', name: 'no leak: host RSS after 200 open/close of logs+stats', value: round(rss1 / 2 ** 20, 1), unit: 'MiB', baseline: round(rss0 / 2 ** 20, 1), baselineName: 'RSS before', ratio: round(rssRatio, 3), goal: '±5 %', met: Math.abs(rssRatio - 1) <= 0.05 },
    { id: 'B8b', name: 'no leak: host open sockets after', value: sockets1, unit: 'sockets', baseline: sockets0, baselineName: 'sockets before', ratio: round(sockets1 / sockets0, 3), goal: '±5 %', met: Math.abs(sockets1 / sockets0 - 1) <= 0.05 },
  ];
}
