import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import WebSocket from 'ws';
import type { Browser } from 'playwright-core';
import { benchImage, BENCH_ID, BENCH_LABEL, docker } from '../lib/engine';
import { longestTaskSince, newInstrumentedPage, pageNow, traceMainThread } from '../lib/browser';
import type { Served } from '../lib/serve';
import { median, round } from '../lib/stats';
import type { Figure } from '../lib/figure';

/** Keystrokes per path; the two paths alternate key by key, so load drifts hit both alike. */
const KEYS = 100;
const FIREHOSE_BYTES = Number(process.env.PORTHOLE_BENCH_FIREHOSE_BYTES ?? 50_000_000);
/** busybox `yes | head` reaches the engine's TTY a line (3 bytes) at a time: 50 MB take minutes even for the CLI. */
const FIREHOSE_TIMEOUT_MS = 1_200_000;
const MARKER = /fire1hose-end/;
/** How long of the firehose is traced (from its start). */
const TRACE_WINDOW_MS = 20_000;
const FIREHOSE_COMMAND = `yes | head -c ${FIREHOSE_BYTES}; echo fire$((1))hose-end`;

/** The bench busybox image with every applet linked (sh, yes, head …), for a shell to exist. */
function buildShellImage(): string {
  const tag = `porthole-bench-shell:${BENCH_ID}`;
  execFileSync('docker', ['build', '-q', '--label', `${BENCH_LABEL}=${BENCH_ID}`, '-t', tag, '-'], {
    input: `FROM ${benchImage}\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\n`,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  return tag;
}

async function shellContainer(image: string, name: string): Promise<string> {
  const c = await docker.createContainer({ Image: image, name, Cmd: ['sleep', '3600'], Labels: { [BENCH_LABEL]: BENCH_ID } });
  await c.start();
  return c.id;
}

/** One interactive shell session: keys in, terminal output out. */
interface Session {
  send(key: string): void;
  onOutput(listener: (text: string) => void): void;
  close(): void;
}

/** A session that resolves each keystroke once its echo comes back. */
function echoTimer(session: Session): (key: string) => Promise<number> {
  let seen = '';
  let waiter: (() => void) | null = null;
  session.onOutput((text) => {
    seen += text;
    waiter?.();
  });
  return (key) => {
    seen = '';
    const t0 = performance.now();
    return new Promise<number>((resolve) => {
      waiter = () => {
        if (!seen.includes(key)) return;
        waiter = null;
        resolve(performance.now() - t0);
      };
      session.send(key);
    });
  };
}

/** A terminal session through Porthole's WebSocket, exactly what the renderer's bridge sends. */
async function portholeSession(served: Served, containerId: string): Promise<Session> {
  const ws = new WebSocket(`ws://127.0.0.1:${served.port}/ws?token=${served.token}`, { headers: { Origin: `http://127.0.0.1:${served.port}` } });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const listeners: ((text: string) => void)[] = [];
  let ready: () => void = () => {};
  const isReady = new Promise<void>((r) => (ready = r));
  ws.on('message', (raw) => {
    const msg = JSON.parse(raw.toString()) as { t: string; id?: string; message?: { kind: string; data?: { t: string; base64?: string } } };
    if (msg.t !== 'stream' || msg.id !== 'dbench' || msg.message?.kind !== 'data') return;
    const data = msg.message.data;
    if (data?.t === 'ready') ready();
    if (data?.t === 'out') for (const l of listeners) l(Buffer.from(data.base64 ?? '', 'base64').toString('latin1'));
  });
  ws.send(JSON.stringify({ t: 'subscribe', id: 'dbench', channel: 'terminal:session', params: { containerId, command: ['/bin/busybox', 'sh'] } }));
  await isReady;
  let n = 0;
  return {
    send: (key) => ws.send(JSON.stringify({ t: 'invoke', id: ++n, channel: 'streams:send', input: { id: 'dbench', message: { t: 'input', base64: Buffer.from(key).toString('base64') } } })),
    onOutput: (l) => listeners.push(l),
    close: () => ws.close(),
  };
}

/** `docker exec -it` needs a terminal: util-linux/bsdutils `script` gives it a pseudo-terminal. */
function scriptedCli(command: string): ChildProcess & { stdin: NodeJS.WritableStream; stdout: NodeJS.ReadableStream } {
  return spawn('script', ['-q', '-c', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'ignore'], detached: true }) as ChildProcess & { stdin: NodeJS.WritableStream; stdout: NodeJS.ReadableStream };
}

const killGroup = (child: ChildProcess) => {
  if (child.pid) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
};

function cliSession(containerId: string): Session {
  const child = scriptedCli(`docker exec -it ${containerId} /bin/busybox sh`);
  return {
    send: (key) => child.stdin.write(key),
    onOutput: (l) => child.stdout.on('data', (chunk: Buffer) => l(chunk.toString('latin1'))),
    close: () => killGroup(child),
  };
}

/** B11: keystroke → echo through Porthole's WebSocket against `docker exec -it`, alternating key by key in the same run. */
export async function keystrokeEcho(served: Served): Promise<Figure[]> {
  const image = buildShellImage();
  const id = await shellContainer(image, `b11-${BENCH_ID}`);
  const sessions: Session[] = [];
  try {
    const cli = cliSession(id);
    sessions.push(cli);
    const ours = await portholeSession(served, id);
    sessions.push(ours);
    // Both shells print their prompt and settle before the first key.
    await new Promise((r) => setTimeout(r, 1500));
    const echo = { cli: echoTimer(cli), ours: echoTimer(ours) };
    const times = { cli: [] as number[], ours: [] as number[] };
    for (let i = 0; i < KEYS; i++) {
      const key = String.fromCharCode(97 + (i % 26));
      // Which path goes first alternates too.
      for (const path of i % 2 ? (['cli', 'ours'] as const) : (['ours', 'cli'] as const)) {
        times[path].push(await echo[path](key));
        await new Promise((r) => setTimeout(r, 10));
      }
    }
    const cliMedian = median(times.cli);
    const ourMedian = median(times.ours);
    const ratio = ourMedian / cliMedian;
    const p90 = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length * 0.9)];
    return [
      {
        id: 'B11',
        name: `keystroke → echo round trip (median of ${KEYS}, alternating with the CLI; p90 ${round(p90(times.ours), 1)} ms vs ${round(p90(times.cli), 1)} ms)`,
        value: round(ourMedian),
        unit: 'ms',
        baseline: round(cliMedian),
        baselineName: '`docker exec -it` in a pty (script)',
        ratio: round(ratio),
        goal: '≤ 1.5× and ≤ 30 ms',
        met: ratio <= 1.5 && ourMedian <= 30,
      },
    ];
  } finally {
    for (const s of sessions) s.close();
    await docker.getContainer(id).remove({ force: true }).catch(() => {});
  }
}

/** The same firehose through `docker exec -it` in a pty: seconds until its end marker is printed. */
async function cliFirehose(containerId: string): Promise<number> {
  const child = scriptedCli(`docker exec -it ${containerId} /bin/busybox sh -c '${FIREHOSE_COMMAND}'`);
  const t0 = performance.now();
  try {
    return await new Promise<number>((resolve, reject) => {
      let tail = '';
      const timer = setTimeout(() => reject(new Error(`the CLI's end marker did not arrive within ${FIREHOSE_TIMEOUT_MS / 1000} s`)), FIREHOSE_TIMEOUT_MS);
      child.stdout.on('data', (chunk: Buffer) => {
        tail = (tail + chunk.toString('latin1')).slice(-64);
        if (MARKER.test(tail)) {
          clearTimeout(timer);
          resolve((performance.now() - t0) / 1000);
        }
      });
    });
  } finally {
    killGroup(child);
  }
}

/**
 * B12: the firehose typed into a terminal tab of the browser host: seconds until the prompt's end marker is drawn
 * (against the CLI moving the same bytes), longest main-thread task (wall clock, and its own CPU time from a
 * trace: on a loaded machine a task's wall time is mostly waiting for a core), and the page's JS heap before/after.
 */
export async function terminalFirehose(browser: Browser, served: Served): Promise<Figure[]> {
  const image = buildShellImage();
  const id = await shellContainer(image, `b12-${BENCH_ID}`);
  const page = await newInstrumentedPage(browser);
  try {
    await page.goto(`${served.url}#/containers/${id}/terminal`);
    const pane = page.locator('[data-testid="terminal-pane"]:not([hidden])');
    await pane.and(page.locator('[data-phase="live"]')).first().waitFor({ timeout: 30_000 });
    await pane.locator('.xterm-screen').click();
    await page.waitForTimeout(500);
    const heapBefore = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN);
    const since = await pageNow(page);
    const t0 = performance.now();
    await page.keyboard.type(FIREHOSE_COMMAND);
    await page.keyboard.press('Enter');
    const drawn = page.waitForFunction((re) => new RegExp(re).test(document.querySelector('[data-testid="terminal-pane"]:not([hidden]) .xterm-rows')?.textContent ?? ''), MARKER.source, {
      timeout: FIREHOSE_TIMEOUT_MS,
      polling: 1000,
    });
    drawn.catch(() => {}); // awaited below; handled here should the trace fail first
    // A window of the firehose under a trace, for the tasks' own CPU time.
    const traced = await traceMainThread(browser, page, TRACE_WINDOW_MS, drawn);
    await drawn;
    const seconds = (performance.now() - t0) / 1000;
    const longest = await longestTaskSince(page, since);
    const heapAfter = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN);
    await page.close();
    // The baseline after the page is gone, so the browser does not compete with it.
    const cliSeconds = await cliFirehose(id);
    const mib = (b: number) => round(b / 2 ** 20, 1);
    return [
      {
        id: 'B12',
        name: `terminal firehose: ${FIREHOSE_BYTES / 1e6} MB of \`yes\` until the end marker is drawn`,
        value: round(seconds, 1),
        unit: 's',
        baseline: round(cliSeconds, 1),
        baselineName: '`docker exec -it` in a pty (script), same command',
        ratio: round(seconds / cliSeconds),
        goal: 'prompt back (a measurement)',
      },
      {
        id: 'B12a',
        name: `terminal firehose: longest main-thread task, wall clock (in a ${round(traced.tracedMs / 1000, 0)} s trace of it: longest ${round(traced.longestWallMs)} ms wall, longest by its own CPU time ${round(traced.longestCpuMs)} ms)`,
        value: round(longest),
        unit: 'ms',
        goal: '≤ 100 ms',
        met: longest <= 100,
      },
      {
        id: 'B12b',
        name: `terminal firehose: page JS heap after (${mib(heapBefore)} MiB before)`,
        value: mib(heapAfter),
        unit: 'MiB',
        goal: 'bounded (5,000-line scrollback; output paused while the terminal is 2 MiB behind)',
        met: heapAfter / 2 ** 20 <= 150,
      },
    ];
  } finally {
    if (!page.isClosed()) await page.close();
    await docker.getContainer(id).remove({ force: true }).catch(() => {});
  }
}
