import { PortholeError } from '../../shared/errors';

/** Rejects with TIMEOUT when `work` has not settled after `ms` (the work itself is not stopped). */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PortholeError('TIMEOUT', `${what} did not answer within ${Math.round(ms / 1000)} s.`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
