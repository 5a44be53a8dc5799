import { benchImage, BENCH_ID, BENCH_LABEL, docker } from '../lib/engine';
import { longestTaskInPage, PAGE_INIT_SCRIPT } from '../lib/browser';
import { openBarePage } from '../lib/bare-page';
import type { Served } from '../lib/serve';
import { round } from '../lib/stats';
import { ratioFigure, type Figure } from '../lib/figure';
import { waitForQuietMachine } from '../lib/quiet';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import type { Container } from 'dockerode';

const BYTES = 50_000_000;
// The first line marks the start; 50 MB of numbered-looking lines follow after a short pause to open the view.
const SCRIPT = `sleep 4; echo firehose-start; /bin/busybox yes 'porthole log firehose line with some words in it to be about eighty bytes long ok' | /bin/busybox head -c ${BYTES}; echo; echo firehose-end; sleep 3600`;

async function startFirehose(name: string) {
  const container = await docker.createContainer({ Image: benchImage, name, Cmd: ['/bin/busybox', 'sh', '-c', SCRIPT], Labels: { [BENCH_LABEL]: BENCH_ID } });
  await container.start();
  return container;
}

/**
 * When the engine logged the first marker (wall clock): both clients are timed from there, so a page that
 * redraws ten times a second and may never draw the first marker is timed like a pipe.
 */
async function firstLineTimeMs(container: Container): Promise<number> {
  const stream = (await container.logs({ follow: true, stdout: true, timestamps: true, tail: 'all' } as never)) as unknown as Readable;
  try {
    const [first] = (await once(stream, 'data')) as [Buffer];
    // An 8-byte stream header, then "2026-12-03T18:50:00.123456789Z firehose-start".
    const [stamp, text] = first.subarray(8).toString().split(/[ \n]/);
    const ms = Date.parse(stamp);
    if (text !== 'firehose-start' || Number.isNaN(ms)) throw new Error(`the log's first line is not the stamped start marker: ${stamp} ${text}`);
    return ms;
  } finally {
    stream.destroy();
  }
}

/** The baseline: `docker logs -f --timestamps` read to its end by this process. */
async function cliFollowMs(): Promise<number> {
  const container = await startFirehose(`b6cli-${BENCH_ID}`);
  try {
    const cli = spawn('docker', ['logs', '-f', '--timestamps', container.id], { stdio: ['ignore', 'pipe', 'ignore'] });
    const endSeen = await new Promise<number>((resolve, reject) => {
      let tail = '';
      cli.stdout.on('data', (chunk: Buffer) => {
        // The tail of the previous chunk too: a marker can be split across two reads.
        const text = tail + chunk.toString('latin1');
        tail = text.slice(-32);
        if (text.includes('firehose-end')) {
          resolve(Date.now());
          cli.kill();
        }
      });
      cli.once('exit', () => reject(new Error('docker logs -f ended before the last line')));
    });
    return endSeen - (await firstLineTimeMs(container));
  } finally {
    await container.remove({ force: true });
  }
}

/**
 * B6: a container writing 50 MB of log lines while its log view follows. The page runs in a Chromium driven
 * without Playwright (see bare-page.ts): Playwright would copy every WebSocket frame to this process.
 */
export async function logFirehose(served: Served): Promise<Figure[]> {
  const container = await startFirehose(`b6-${BENCH_ID}`);
  const url = new URL(served.url);
  url.hash = `#/containers/${container.id}`;
  const page = await openBarePage(url.toString(), PAGE_INIT_SCRIPT);
  try {
    await page.waitFor(() => document.querySelector('[data-testid="logs-view"]') !== null, undefined, 'the Logs tab');
    const since = await page.evaluate(() => performance.now(), undefined);
    await page.waitFor((marker) => (document.querySelector('[data-testid="log-lines"]')?.textContent ?? '').includes(marker), 'firehose-end', 'the last line', 240_000);
    const followMs = Date.now() - (await firstLineTimeMs(container));
    const longest = await page.evaluate(longestTaskInPage, since);
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN, undefined);
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
    }, undefined);
    await page.close();
    await container.remove({ force: true });
    await waitForQuietMachine('B6d, the docker CLI');
    const cliMs = await cliFollowMs();
    return [
      { id: 'B6a', name: `log firehose (${BYTES / 1e6} MB, first to last line in ${round(followMs / 1000, 1)} s): longest main-thread task`, value: round(longest), unit: 'ms', goal: '≤ 100 ms', met: longest <= 100 },
      { id: 'B6b', name: 'log firehose: page JS heap after', value: round(heap / 2 ** 20, 1), unit: 'MiB', goal: 'bounded (cap: see note)', note: 'the log view keeps the newest 50,000 lines' },
      { id: 'B6c', name: 'log firehose: search over retained lines', value: round(searchMs), unit: 'ms', goal: '≤ 100 ms', met: searchMs <= 100 },
      ratioFigure({ id: 'B6d', name: 'log firehose: first to last line on screen vs `docker logs -f`', porthole: [followMs], cli: [cliMs], baselineName: 'docker logs -f --timestamps' }),
    ];
  } finally {
    await page.close();
    await container.remove({ force: true }).catch(() => {});
  }
}
