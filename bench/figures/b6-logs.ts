import type { Browser } from 'playwright-core';
import { benchImage, BENCH_ID, BENCH_LABEL, docker } from '../lib/engine';
import { longestTaskSince, newInstrumentedPage, openContainers, pageNow } from '../lib/browser';
import type { Served } from '../lib/serve';
import { round } from '../lib/stats';
import type { Figure } from '../lib/figure';
import { engineContainerCount } from '../lib/engine';

const BYTES = 50_000_000;

/** B6: a container writing 50 MB of log lines while its log view follows. */
export async function logFirehose(browser: Browser, served: Served): Promise<Figure[]> {
  const name = `b6-${BENCH_ID}`;
  // The first line marks the start; 50 MB of numbered-looking lines follow after a short pause to open the view.
  const script = `sleep 4; echo firehose-start; /bin/busybox yes 'porthole log firehose line with some words in it to be about eighty bytes long ok' | /bin/busybox head -c ${BYTES}; echo; echo firehose-end; sleep 3600`;
  const container = await docker.createContainer({ Image: benchImage, name, Cmd: ['/bin/busybox', 'sh', '-c', script], Labels: { [BENCH_LABEL]: BENCH_ID } });
  await container.start();
  const page = await newInstrumentedPage(browser);
  await openContainers(page, served.url, await engineContainerCount());
  await page.getByRole('searchbox', { name: 'Search containers' }).fill(name);
  await page.locator(`[data-testid="container-row"][data-name="${name}"] .ct-open`).click();
  await page.getByTestId('logs-view').waitFor();
  const since = await pageNow(page);
  const t0 = performance.now();
  await page.getByTestId('log-lines').getByText('firehose-end').waitFor({ timeout: 240_000 });
  const followMs = performance.now() - t0;
  const longest = await longestTaskSince(page, since);
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN);
  const searchMs = await page.evaluate(async () => {
    const input = document.querySelector('input[aria-label="Search logs"]') as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const t = performance.now();
    setter.call(input, 'firehose-end');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise<void>((resolve) => {
      const check = () => (/of \d+/.test(document.querySelector('[data-testid="log-match-count"]')?.textContent ?? '') ? resolve() : requestAnimationFrame(check));
      check();
    });
    return performance.now() - t;
  });
  await page.close();
  await container.remove({ force: true });
  return [
    { id: 'B6a', name: `log firehose (${BYTES / 1e6} MB, followed in ${round(followMs / 1000, 1)} s): longest main-thread task`, value: round(longest), unit: 'ms', goal: '≤ 100 ms', met: longest <= 100 },
    { id: 'B6b', name: 'log firehose: page JS heap after', value: round(heap / 2 ** 20, 1), unit: 'MiB', goal: 'bounded (cap: see note)', note: 'the log view keeps the newest 50,000 lines' },
    { id: 'B6c', name: 'log firehose: search over retained lines', value: round(searchMs), unit: 'ms', goal: '≤ 100 ms', met: searchMs <= 100 },
  ];
}
