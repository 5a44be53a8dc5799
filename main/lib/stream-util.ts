import type { Readable } from 'node:stream';

/**
 * Resolves when `stream` ends, rejects on its error; destroys it when `signal` aborts (and then
 * resolves, since the caller asked for the stop).
 */
export function pumpUntilDone(stream: Readable, signal: AbortSignal, onData: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      stream.destroy();
      resolve();
      return;
    }
    const onAbort = () => {
      stream.destroy();
      resolve();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    stream.on('data', onData);
    stream.once('end', () => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
    stream.once('close', () => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
    stream.once('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      if (signal.aborted) resolve();
      else reject(error);
    });
  });
}
