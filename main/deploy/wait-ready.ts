import type Dockerode from 'dockerode';
import { LogDemuxer } from '../engine/log-demux';
import * as engine from '../engine/gateway';
import { portAnswers } from '../lib/port-probe';
import { sleep } from '../lib/sleep';

export type ReadyOutcome = { kind: 'ready' } | { kind: 'exited'; exitCode: number } | { kind: 'timeout' } | { kind: 'cancelled' };

/** Waits until the published port answers, the container exits (the engine tells us), the time runs out, or the caller cancels. */
export async function waitUntilReady(container: Dockerode.Container, hostPort: number, probe: 'http' | 'tcp', timeoutMs: number, signal: AbortSignal): Promise<ReadyOutcome> {
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  const exited = engine
    .waitForExit(container, stop.signal)
    .then((exitCode): ReadyOutcome => ({ kind: 'exited', exitCode }))
    .catch(() => new Promise<ReadyOutcome>(() => {}));
  // The container may have exited before `wait` was registered.
  const already = engine.inspectContainer(container).then((info): Promise<ReadyOutcome> => (info.State.Running ? new Promise(() => {}) : Promise.resolve({ kind: 'exited', exitCode: info.State.ExitCode })));
  const probing = (async (): Promise<ReadyOutcome> => {
    const deadline = Date.now() + timeoutMs;
    while (!stop.signal.aborted && Date.now() < deadline) {
      if (await portAnswers('127.0.0.1', hostPort, probe, { timeoutMs: 2000 })) return { kind: 'ready' };
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
    const buffer = await engine.logsOnce(container, { stdout: true, stderr: true, tail: lines });
    const info = await engine.inspectContainer(container);
    let text = '';
    if (info.Config.Tty) text = buffer.toString('utf8');
    else new LogDemuxer((_s, payload) => (text += payload.toString('utf8'))).push(buffer);
    return text.split(/\r?\n/).filter((l) => l.length > 0).slice(-lines);
  } catch {
    return [];
  }
}
