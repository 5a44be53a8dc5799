import { request } from 'node:http';
import { connect } from 'node:net';
import type Dockerode from 'dockerode';
import { LogDemuxer } from '../engine/log-demux';

/** Any HTTP answer (even a 500) means the app is listening. */
function httpAnswers(port: number, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/', method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(true);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(false));
    req.end();
  });
}

/**
 * A TCP answer: the connection opens and is not closed at once. (Docker's userland proxy accepts every
 * connection on a published port and closes it when the app is not listening, so "connected" alone says nothing.)
 */
function tcpAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let settled = false;
    const done = (ok: boolean) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => setTimeout(() => done(true), 500));
    socket.once('data', () => done(true));
    socket.once('close', () => done(false));
    socket.once('error', () => done(false));
  });
}

export type ReadyOutcome = { kind: 'ready' } | { kind: 'exited'; exitCode: number } | { kind: 'timeout' } | { kind: 'cancelled' };

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

/** Waits until the published port answers, the container exits (the engine tells us), the time runs out, or the caller cancels. */
export async function waitUntilReady(container: Dockerode.Container, hostPort: number, probe: 'http' | 'tcp', timeoutMs: number, signal: AbortSignal): Promise<ReadyOutcome> {
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  const exited = (container.wait({ condition: 'next-exit', abortSignal: stop.signal } as never) as unknown as Promise<{ StatusCode: number }>)
    .then((r): ReadyOutcome => ({ kind: 'exited', exitCode: r.StatusCode }))
    .catch(() => new Promise<ReadyOutcome>(() => {}));
  // The container may have exited before `wait` was registered.
  const already = container.inspect().then((info): Promise<ReadyOutcome> => (info.State.Running ? new Promise(() => {}) : Promise.resolve({ kind: 'exited', exitCode: info.State.ExitCode })));
  const probing = (async (): Promise<ReadyOutcome> => {
    const deadline = Date.now() + timeoutMs;
    while (!stop.signal.aborted && Date.now() < deadline) {
      if (await (probe === 'http' ? httpAnswers(hostPort) : tcpAnswers(hostPort))) return { kind: 'ready' };
      // Loopback probes are cheap; probe often at first (most apps answer within a second), then back off.
      await sleep(Date.now() < deadline - timeoutMs + 5_000 ? 20 : 250, stop.signal);
    }
    return signal.aborted ? { kind: 'cancelled' } : { kind: 'timeout' };
  })();
  try {
    return await Promise.race([exited, already, probing]);
  } finally {
    stop.abort();
    signal.removeEventListener('abort', onAbort);
  }
}

/** The last lines the container wrote (stdout and stderr), for the failure message. */
export async function logTail(container: Dockerode.Container, lines = 20): Promise<string[]> {
  try {
    const buffer = (await container.logs({ stdout: true, stderr: true, follow: false, tail: lines })) as unknown as Buffer;
    const info = await container.inspect();
    let text = '';
    if (info.Config.Tty) text = buffer.toString('utf8');
    else new LogDemuxer((_s, payload) => (text += payload.toString('utf8'))).push(buffer);
    return text.split(/\r?\n/).filter((l) => l.length > 0).slice(-lines);
  } catch {
    return [];
  }
}
