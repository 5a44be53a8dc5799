import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../playwright.config';

// Precise heap figures for B6 (Chromium otherwise rounds performance.memory).
const ARGS = [...CHROMIUM_ARGS, '--enable-precise-memory-info'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.PORTHOLE_CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
}

/**
 * Run in the page before its own scripts: records every long task (> 50 ms) on the main thread from the first
 * script on. tsx (esbuild keepNames) wraps named functions inside page.evaluate callbacks in `__name(fn, "name")`;
 * the page has no such helper, so it gets an identity one.
 */
export const PAGE_INIT_SCRIPT = `
globalThis.__name = (fn) => fn;
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });
`;

/** A page that records its long tasks (see PAGE_INIT_SCRIPT). */
export async function newInstrumentedPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(PAGE_INIT_SCRIPT);
  return page;
}

/** In the page: the longest main-thread task since `since` (page clock), 0 if none exceeded 50 ms. */
export const longestTaskInPage = (since: number): number => {
  const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
  return tasks.filter((t) => t.start + t.duration >= since).reduce((m, t) => Math.max(m, t.duration), 0);
};

/** The longest main-thread task since `sinceMs` (page clock), 0 if none exceeded 50 ms. */
export async function longestTaskSince(page: Page, sinceMs: number): Promise<number> {
  return page.evaluate(longestTaskInPage, sinceMs);
}

export const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** Opens the Containers view with "All" selected and waits until the count reaches `expected` (or any rows when undefined). */
export async function openContainers(page: Page, url: string, expected?: number): Promise<void> {
  await page.goto(`${url}#containers`);
  await page.getByRole('button', { name: 'All', exact: true }).click();
  if (expected !== undefined) await waitForCount(page, expected);
}

/** The number of containers the list knows (filter All, empty search): "N shown". */
export async function waitForCount(page: Page, expected: number, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const text = document.querySelector('[data-testid="container-count"]')?.textContent ?? '';
      const m = /(\d+) shown/.exec(text.replace(/,/g, ''));
      return m !== null && Number(m[1]) === n;
    },
    expected,
    { timeout: timeoutMs, polling: 'raf' },
  );
}

/** A main-thread task in the `toplevel` trace category (the name differs between Chromium versions). */
const TASK_EVENTS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * Traces the page's renderer for `windowMs` (top-level tasks only: a trace of minutes outgrows a JS string) and
 * reports its main thread's longest task by wall clock and the longest by its own CPU time (thread time): on a
 * loaded machine the two differ by the time the thread waited for a core.
 */
export async function traceMainThread(browser: Browser, page: Page, windowMs: number, until: Promise<unknown>): Promise<{ longestWallMs: number; longestCpuMs: number; tracedMs: number }> {
  await browser.startTracing(page, { categories: ['toplevel'] });
  const t0 = performance.now();
  await Promise.race([new Promise((r) => setTimeout(r, windowMs)), until.catch(() => {})]);
  const tracedMs = performance.now() - t0;
  const trace = await browser.stopTracing();
  const parsed = JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  let longestWallMs = 0;
  let longestCpuMs = 0;
  for (const e of events) {
    if (e.ph !== 'X' || !TASK_EVENTS.has(e.name) || !mains.has(`${e.pid}:${e.tid}`)) continue;
    longestWallMs = Math.max(longestWallMs, (e.dur ?? 0) / 1000);
    longestCpuMs = Math.max(longestCpuMs, (e.tdur ?? 0) / 1000);
  }
  return { longestWallMs, longestCpuMs, tracedMs };
}
