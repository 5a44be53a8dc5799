import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { createContainers, docker, engineContainerCount, removeContainers } from '../lib/engine';
import { newInstrumentedPage, openContainers } from '../lib/browser';
import type { Served } from '../lib/serve';
import { median, round } from '../lib/stats';
import type { Figure } from '../lib/figure';

const CYCLES = 15;

/**
 * B2: `docker start` by the CLI → the row shows "running". Measured from the engine's own `start` event time
 * (timeNano) to the moment a MutationObserver in the page sees the row's state change (same host clock).
 */
export async function eventToScreen(browser: Browser, served: Served): Promise<Figure[]> {
  const [id] = await createContainers(1, 'b2');
  const name = (await docker.getContainer(id).inspect()).Name.replace(/^\//, '');
  const page = await newInstrumentedPage(browser);
  await openContainers(page, served.url, await engineContainerCount());
  await page.getByRole('searchbox', { name: 'Search containers' }).fill(name);
  await page.locator(`[data-testid="container-row"][data-name="${name}"]`).waitFor();

  const latencies: number[] = [];
  const cliMs: number[] = [];
  for (let i = 0; i < CYCLES; i++) {
    await page.evaluate((n) => {
      const w = window as unknown as { __seen?: number };
      w.__seen = undefined;
      const check = () => {
        const row = document.querySelector(`[data-testid="container-row"][data-name="${n}"]`);
        if (row?.getAttribute('data-state') === 'running' && w.__seen === undefined) w.__seen = Date.now();
      };
      new MutationObserver(check).observe(document.body, { subtree: true, attributes: true, childList: true });
    }, name);
    const events = (await docker.getEvents({ filters: { container: [id], event: ['start'] } })) as unknown as NodeJS.ReadableStream;
    const eventTime = new Promise<number>((resolve) => {
      events.on('data', (chunk: Buffer) => {
        const m = /"timeNano":(\d+)/.exec(chunk.toString());
        if (m) resolve(Number(BigInt(m[1]) / 1_000_000n));
      });
    });
    const t0 = performance.now();
    execFileSync('docker', ['start', id]);
    cliMs.push(performance.now() - t0);
    const started = await eventTime;
    (events as unknown as { destroy(): void }).destroy();
    const seen = await page.waitForFunction(() => (window as unknown as { __seen?: number }).__seen, undefined, { timeout: 10_000 });
    latencies.push(((await seen.jsonValue()) as number) - started);
    execFileSync('docker', ['kill', id]);
    await page.locator(`[data-testid="container-row"][data-name="${name}"][data-state="exited"]`).waitFor();
  }
  await page.close();
  await removeContainers([id]);
  const value = median(latencies);
  return [
    {
      id: 'B2',
      name: `event → screen (engine start event → row shows running), ${CYCLES} cycles`,
      value: round(value),
      unit: 'ms',
      baseline: round(median(cliMs)),
      baselineName: 'the `docker start` CLI call itself',
      ratio: round(value / median(cliMs)),
      goal: 'median ≤ 150 ms',
      met: value <= 150,
      note: `min ${round(Math.min(...latencies))} ms, max ${round(Math.max(...latencies))} ms`,
    },
  ];
}
