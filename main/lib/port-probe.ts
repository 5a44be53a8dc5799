import { connect } from 'node:net';
import { sleep } from './sleep';

/**
 * How to tell that something listens behind a published port. A bare connect is not enough: Docker's
 * userland proxy accepts on the published port even while nothing listens in the container, then
 * closes without a byte.
 * - `http`: a `HEAD /` is sent and at least one byte comes back (servers that speak first pass too);
 * - `tcp`: the connection opens and either a byte comes back or it stays open for `holdMs`.
 */
export type ProbeKind = 'http' | 'tcp';

export interface ProbeOptions {
  timeoutMs?: number;
  /** `tcp` only: how long an open, silent connection must last to count as an answer. */
  holdMs?: number;
}

export function portAnswers(host: string, port: number, kind: ProbeKind = 'http', options: ProbeOptions = {}): Promise<boolean> {
  const { timeoutMs = 1000, holdMs = 500 } = options;
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let settled = false;
    const done = (answered: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(hold);
      socket.destroy();
      resolve(answered);
    };
    const timer = setTimeout(() => done(false), Math.max(timeoutMs, kind === 'tcp' ? holdMs + 100 : 0));
    let hold: NodeJS.Timeout | undefined;
    socket.once('connect', () => {
      if (kind === 'http') socket.write(`HEAD / HTTP/1.0\r\nHost: ${host}:${port}\r\n\r\n`);
      else hold = setTimeout(() => done(true), holdMs);
    });
    socket.once('data', () => done(true));
    socket.once('error', () => done(false));
    socket.once('close', () => done(false));
  });
}

/**
 * Retries `portAnswers` every `everyMs` until it answers (resolves the time it did, ms since epoch),
 * the signal aborts, or `giveUpMs` passes (both resolve null). Leaves no timer behind.
 */
export async function waitForAnswer(host: string, port: number, signal: AbortSignal, giveUpMs = 60_000, everyMs = 50): Promise<number | null> {
  const deadline = performance.now() + giveUpMs;
  while (!signal.aborted && performance.now() < deadline) {
    if (await portAnswers(host, port)) return performance.timeOrigin + performance.now();
    await sleep(everyMs, signal);
  }
  return null;
}
