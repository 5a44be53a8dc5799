import { connect } from 'node:net';

/**
 * True when something answers on host:port: the connection opens AND at least one byte comes back. A
 * bare connect is not enough — Docker's userland proxy accepts on the published port even while
 * nothing listens in the container, then closes without a byte. An HTTP request is sent so HTTP
 * servers answer; servers that speak first answer anyway.
 */
export function portAnswers(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let settled = false;
    const done = (answered: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(answered);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => socket.write(`HEAD / HTTP/1.0\r\nHost: ${host}:${port}\r\n\r\n`));
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
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, everyMs);
      function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });
  }
  return null;
}
