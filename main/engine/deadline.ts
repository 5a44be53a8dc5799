import { PortholeError } from '../../shared/errors';

/** How long an engine call may take before it fails with TIMEOUT. Streams (build, pull, logs) have none. */
export const ENGINE_DEADLINE_MS = {
  /** `/_ping`: a live engine answers in milliseconds; a stalled one is told apart here. */
  ping: 3_000,
  /** `/version`: dockerd answers at once, but Podman gathers host facts for it (~1.5 s idle, several s under load). */
  version: 15_000,
  /** Lists and inspects. */
  read: 30_000,
  /** Create, start, stop (waits up to its own grace period), remove, rename, update. */
  action: 60_000,
} as const;

/**
 * Runs one engine call with a deadline: at expiry the request is aborted (dockerode's `abortSignal`)
 * and the call fails with TIMEOUT, even if the engine accepted the connection and never answers.
 * An outer `signal` (the caller cancelled) aborts it too, as CANCELLED.
 */
export function engineCall<T>(what: string, ms: number, call: (signal: AbortSignal) => Promise<T>, outer?: AbortSignal): Promise<T> {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let onOuter: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new PortholeError('TIMEOUT', `The Docker Engine did not answer ${what} within ${Math.round(ms / 1000)} s.`));
    }, ms);
    onOuter = () => {
      abort.abort();
      reject(new PortholeError('CANCELLED', 'Cancelled.'));
    };
    if (outer?.aborted) onOuter();
    else outer?.addEventListener('abort', onOuter, { once: true });
  });
  const work = call(abort.signal);
  work.catch(() => {}); // the race below reports; a late rejection after a timeout is not unhandled
  return Promise.race([work, stopped]).finally(() => {
    clearTimeout(timer);
    if (onOuter) outer?.removeEventListener('abort', onOuter);
  });
}
