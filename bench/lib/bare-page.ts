import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { CHROMIUM_ARGS } from '../../playwright.config';

/**
 * A Chromium page driven over the DevTools protocol with the Runtime domain only. Playwright enables the
 * Network domain on every page, and Chromium then mirrors every WebSocket frame to the test process: during
 * B6's firehose that was ~80 MB of frames, serialised by the browser and parsed by the bench process (~0.25
 * of a core on a 2-core machine), load no user's window carries, competing with the page being measured.
 */
export interface BarePage {
  /** Evaluates `fn(arg)` in the page and returns its (JSON) value; `fn` must not close over anything. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Polls `fn(arg)` every `intervalMs` until it returns true. */
  waitFor<A>(fn: (arg: A) => boolean, arg: A, what: string, timeoutMs?: number, intervalMs?: number): Promise<void>;
  /** Ends the browser and removes its profile; again, does nothing. */
  close(): Promise<void>;
}

/** Flags Playwright adds so a headless page runs at full speed; the rest are the project's own. */
const ARGS = [
  ...CHROMIUM_ARGS,
  '--headless',
  '--enable-precise-memory-info',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--remote-debugging-port=0',
];

function devtoolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium printed no DevTools address in 30 s: ${seen.slice(-500)}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before it listened: ${seen.slice(-500)}`)));
  });
}

/** Opens `url` at 1280 × 800 in a fresh Chromium after running `initScript` in the page before its own scripts. */
export async function openBarePage(url: string, initScript: string): Promise<BarePage> {
  const profile = await mkdtemp(join(tmpdir(), 'porthole-bench-chromium-'));
  const child = spawn(process.env.PORTHOLE_CHROMIUM ?? '/usr/bin/chromium', [...ARGS, `--user-data-dir=${profile}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const ws = new WebSocket(await devtoolsEndpoint(child), { perMessageDeflate: false, maxPayload: 256 * 2 ** 20 });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let nextId = 0;
  const pending = new Map<number, { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
    if (message.id === undefined) return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) waiter?.reject(new Error(message.error.message));
    else waiter?.resolve(message.result ?? {});
  });
  const send = (method: string, params: Record<string, unknown>, sessionId?: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      ws.send(JSON.stringify({ id, method, params, sessionId }));
    });

  const { targetId } = (await send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
  const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
  await send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 800, deviceScaleFactor: 1, mobile: false }, sessionId);
  await send('Page.enable', {}, sessionId);
  await send('Page.addScriptToEvaluateOnNewDocument', { source: initScript }, sessionId);
  await send('Page.navigate', { url }, sessionId);

  const evaluate = async <A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> => {
    const result = (await send('Runtime.evaluate', { expression: `(${fn.toString()})(${JSON.stringify(arg)})`, awaitPromise: true, returnByValue: true }, sessionId)) as {
      result: { value: R };
      exceptionDetails?: { exception?: { description?: string }; text: string };
    };
    if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
    return result.result.value;
  };
  return {
    evaluate,
    async waitFor(fn, arg, what, timeoutMs = 60_000, intervalMs = 100) {
      const deadline = performance.now() + timeoutMs;
      // A page still loading has no document to ask yet: an evaluation then fails and is retried.
      while (!(await evaluate(fn, arg).catch(() => false))) {
        if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
        await new Promise((r) => setTimeout(r, intervalMs));
      }
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      ws.close();
      const exited = new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(null)));
      // The whole group: the browser's zygote and renderers would otherwise keep writing into the profile.
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
      await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}
