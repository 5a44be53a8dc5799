import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import type { Browser, Page } from 'playwright-core';
import { ContextsStore } from '../../main/engines/contexts-store';
import { startServedHost, stopServedHost } from '../../test/support/served-host';
import { startSecondDockerd, type SecondDockerd } from '../../test/support/second-dockerd';
import { newInstrumentedPage } from '../lib/browser';
import { BENCH_ID, BENCH_LABEL, benchImage, docker, pool } from '../lib/engine';
import type { Figure } from '../lib/figure';
import { median, round } from '../lib/stats';

const ROUNDS = 7;
const COUNT = 200;
const CONTEXT = 'b14-second';
const LOCAL_ID = 'socket:/var/run/docker.sock';

export async function prepareSecondEngine(): Promise<SecondDockerd> {
  const second = await startSecondDockerd('bench-b14');
  const load = await second.docker.loadImage(await docker.getImage(benchImage).get());
  await new Promise((resolve, reject) => second.docker.modem.followProgress(load, (err) => (err ? reject(err) : resolve(null))));
  await pool(
    Array.from({ length: COUNT }, (_, i) => i),
    8,
    (i) => second.docker.createContainer({ Image: benchImage, name: `b14-${BENCH_ID}-${i}`, Labels: { [BENCH_LABEL]: BENCH_ID } }),
  );
  return second;
}

/**
 * Clicks an engine in the switcher and times, inside the page (no test-driver round trips), until the
 * Containers view's count reads `expected` ("N shown": the list is virtualized, so rows on screen are fewer).
 */
async function switchAndTime(page: Page, engineId: string, until: { count: number; equal: boolean }): Promise<number> {
  // The switcher disables its buttons while the previous switch's engine list is still coming.
  await page.waitForFunction((id) => document.querySelector<HTMLButtonElement>(`[data-engine-id="${CSS.escape(id)}"]`)?.disabled === false, engineId, { timeout: 60_000 });
  return page.evaluate(
    ({ id, count, equal }) =>
      new Promise<number>((resolve, reject) => {
        const button = document.querySelector<HTMLButtonElement>(`[data-engine-id="${CSS.escape(id)}"]`);
        if (!button || button.disabled) return reject(new Error(`no enabled switcher button for ${id}`));
        const want = (n: number) => (equal ? n === count : n >= 0 && n !== count);
        const shown = () => {
          const m = /(\d+) shown/.exec((document.querySelector('[data-testid="container-count"]')?.textContent ?? '').replace(/,/g, ''));
          return m ? Number(m[1]) : -1;
        };
        const t0 = performance.now();
        const deadline = t0 + 60_000;
        button.click();
        const check = () => {
          if (want(shown())) return resolve(performance.now() - t0);
          if (performance.now() > deadline) return reject(new Error(`the count stayed at ${shown()} after switching to ${id}`));
          requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { id: engineId, ...until },
  );
}

/** The raw baseline: what any client must do to show a new engine's list (a client, ping, version, the list call). */
async function rawSwitch(socketPath: string): Promise<number> {
  const t0 = performance.now();
  const d = new Dockerode({ socketPath });
  await d.ping();
  await d.version();
  const list = await d.listContainers({ all: true });
  const ms = performance.now() - t0;
  if (list.length !== COUNT) throw new Error(`the second engine lists ${list.length} containers, not ${COUNT}`);
  return ms;
}

/**
 * B14: switch engine → the new engine's list on screen (200 containers), in the browser host with Chromium,
 * from the switcher click until the Containers view counts 200 ÷ a new dockerode client + ping + version +
 * listContainers({all:true}) against the same engine, alternating in the same run.
 */
export async function switchToList(browser: Browser): Promise<Figure[]> {
  const second = await prepareSecondEngine();
  const configDir = await mkdtemp(join(tmpdir(), 'porthole-bench-b14-config-'));
  await new ContextsStore(configDir).create({ name: CONTEXT, description: '', host: `unix://${second.socketPath}`, skipTlsVerify: false });
  const served = await startServedHost({ DOCKER_CONFIG: configDir, DOCKER_HOST: '', DOCKER_CONTEXT: '' }, 'porthole-bench-b14-');
  const page = await newInstrumentedPage(browser);
  try {
    await page.goto(`${served.url}#containers`);
    await page.getByRole('button', { name: 'All', exact: true }).click();
    await page.getByTestId('current-engine').filter({ hasText: 'default' }).waitFor();
    await page.waitForFunction(() => /\d+ shown/.test(document.querySelector('[data-testid="container-count"]')?.textContent ?? ''));
    const porthole: number[] = [];
    const raw: number[] = [];
    // Round 0 warms both paths (code loaded, engine caches) and is not counted.
    for (let i = 0; i <= ROUNDS; i++) {
      const order = i % 2 === 0 ? ['porthole', 'raw'] : ['raw', 'porthole'];
      for (const which of order) {
        if (which === 'raw') {
          const ms = await rawSwitch(second.socketPath);
          if (i > 0) raw.push(ms);
          continue;
        }
        const ms = await switchAndTime(page, `context:${CONTEXT}`, { count: COUNT, equal: true });
        if (i > 0) porthole.push(ms);
        // Back to the local engine (not timed): its list has another count (the bench never leaves 200 there).
        await switchAndTime(page, LOCAL_ID, { count: COUNT, equal: false });
        await page.waitForTimeout(300);
      }
    }
    const p = median(porthole);
    const base = median(raw);
    const ratio = p / base;
    return [
      {
        id: 'B14',
        name: `switch engine → the new engine's ${COUNT} containers counted on screen (browser host, Chromium)`,
        value: round(p),
        unit: 'ms',
        baseline: round(base),
        baselineName: 'new dockerode client + ping + version + listContainers({all:true})',
        ratio: round(ratio),
        goal: '≤ 1.25×',
        met: ratio <= 1.25,
        note: `porthole ${porthole.map((v) => Math.round(v)).join(', ')} ms; raw ${raw.map((v) => Math.round(v)).join(', ')} ms`,
      },
    ];
  } finally {
    await page.close();
    await stopServedHost(served, 5000);
    await second.stop();
    await rm(configDir, { recursive: true, force: true });
  }
}
