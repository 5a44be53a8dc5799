import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import WebSocket from 'ws';
import type { Browser } from 'playwright-core';
import { benchImage, BENCH_ID, BENCH_LABEL, docker } from '../lib/engine';
import { longestTaskSince, newInstrumentedPage, pageNow } from '../lib/browser';
import type { Served } from '../lib/serve';
import { median, round } from '../lib/stats';
import type { Figure } from '../lib/figure';

const KEYS = 60;
const FIREHOSE_BYTES = 50_000_000;

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

/** Times `KEYS` single keystrokes until each one's echo comes back, `send` and `onOutput` being the path under test. */
async function echoTimes(send: (key: string) => void, onOutput: (listener: (text: string) => void) => void): Promise<number[]> {
  let seen = '';
  let waiter: (() => void) | null = null;
  onOutput((text) => {
    seen += text;
    waiter?.();
  });
  const times: number[] = [];
  for (let i = 0; i < KEYS; i++) {
    const key = String.fromCharCode(97 + (i % 26));
    seen = '';
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      waiter = () => {
        if (seen.includes(key)) resolve();
      };
      send(key);
    });
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 5));
  }
  return times;
}

async function throughPorthole(served: Served, containerId: string): Promise<number[]> {
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
  await new Promise((r) => setTimeout(r, 300));
  let n = 0;
  const times = await echoTimes(
    (key) => ws.send(JSON.stringify({ t: 'invoke', id: ++n, channel: 'streams:send', input: { id: 'dbench', message: { t: 'input', base64: Buffer.from(key).toString('base64') } } })),
    (l) => listeners.push(l),
  );
  ws.close();
  return times;
}

/** `docker exec -it` needs a terminal: util-linux/bsdutils `script` gives it a pseudo-terminal. */
async function throughCli(containerId: string): Promise<number[]> {
  const child = spawn('script', ['-q', '-c', `docker exec -it ${containerId} /bin/busybox sh`, '/dev/null'], { stdio: ['pipe', 'pipe', 'ignore'], detached: true });
  const listeners: ((text: string) => void)[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    for (const l of listeners) l(chunk.toString('latin1'));
  });
  await new Promise((r) => setTimeout(r, 1500));
  try {
    return await echoTimes((key) => child.stdin.write(key), (l) => listeners.push(l));
  } finally {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  }
}

/** B11: keystroke → echo through Porthole's WebSocket against `docker exec -it`, in the same run. */
export async function keystrokeEcho(served: Served): Promise<Figure[]> {
  const image = buildShellImage();
  const id = await shellContainer(image, `b11-${BENCH_ID}`);
  try {
    const cli = median(await throughCli(id));
    const ours = median(await throughPorthole(served, id));
    const ratio = ours / cli;
    return [
      {
        id: 'B11',
        name: `keystroke → echo round trip (median of ${KEYS})`,
        value: round(ours),
        unit: 'ms',
        baseline: round(cli),
        baselineName: '`docker exec -it` in a pty (script)',
        ratio: round(ratio),
        goal: '≤ 1.5× and ≤ 30 ms',
        met: ratio <= 1.5 && ours <= 30,
      },
    ];
  } finally {
    await docker.getContainer(id).remove({ force: true }).catch(() => {});
  }
}

/** B12: 50 MB through a terminal tab in the browser host: longest main-thread task and heap after. */
export async function terminalFirehose(browser: Browser, served: Served): Promise<Figure[]> {
  const image = buildShellImage();
  const id = await shellContainer(image, `b12-${BENCH_ID}`);
  const page = await newInstrumentedPage(browser);
  try {
    await page.goto(`${served.url}#/containers/${id}/terminal`);
    const pane = page.locator('[data-testid="terminal-pane"]:not([hidden])');
    await pane.locator('[data-phase="live"]').or(pane.and(page.locator('[data-phase="live"]'))).first().waitFor({ timeout: 30_000 });
    await pane.locator('.xterm-screen').click();
    const since = await pageNow(page);
    const t0 = performance.now();
    await page.keyboard.type(`yes | head -c ${FIREHOSE_BYTES}; echo fire$((1))hose-end`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /fire1hose-end/.test(document.querySelector('[data-testid="terminal-pane"]:not([hidden]) .xterm-rows')?.textContent ?? ''), undefined, { timeout: 300_000, polling: 250 });
    const seconds = (performance.now() - t0) / 1000;
    const longest = await longestTaskSince(page, since);
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN);
    return [
      { id: 'B12a', name: `terminal firehose (${FIREHOSE_BYTES / 1e6} MB of \`yes\`, drawn in ${round(seconds, 1)} s): longest main-thread task`, value: round(longest), unit: 'ms', goal: '≤ 100 ms', met: longest <= 100 },
      { id: 'B12b', name: 'terminal firehose: page JS heap after', value: round(heap / 2 ** 20, 1), unit: 'MiB', goal: 'bounded (5,000-line scrollback; output paused while the terminal is 2 MiB behind)', met: heap / 2 ** 20 <= 150 },
    ];
  } finally {
    await page.close();
    await docker.getContainer(id).remove({ force: true }).catch(() => {});
  }
}
