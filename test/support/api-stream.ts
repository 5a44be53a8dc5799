import { vi } from 'vitest';
import type { PortholeCore } from '../../main/core';
import type { StreamChannel } from '../../shared/channels';
import type { StreamEvent, StreamMessage, StreamParams } from '../../shared/api/contract';
import type { ApiError } from '../../shared/errors';

let next = 0;

export type StreamEnd = { kind: 'end' } | { kind: 'error'; error: ApiError };

export interface OpenStream<C extends StreamChannel> {
  id: string;
  /** Every `data` payload received so far. */
  data: StreamEvent<C>[];
  messages: StreamMessage<StreamEvent<C>>[];
  /** Resolves with the terminal message: `{ kind: 'end' }` or `{ kind: 'error', error }`. */
  finished: Promise<StreamEnd>;
  /** Unsubscribes, as a page does when it cancels. */
  close(): void;
}

/**
 * Subscribes through the router exactly as a transport does and keeps the stream open for the test to
 * watch and cancel (params are `unknown` on purpose: tests send invalid ones too).
 */
export function openStream<C extends StreamChannel>(core: PortholeCore, channel: C, params: unknown, connectionId = 'test'): OpenStream<C> {
  const id = `open-${++next}`;
  const ctx = { connectionId };
  const data: StreamEvent<C>[] = [];
  const messages: StreamMessage<StreamEvent<C>>[] = [];
  let settle: (m: StreamEnd) => void = () => {};
  const finished = new Promise<StreamEnd>((resolve) => (settle = resolve));
  core.router.subscribe(ctx, id, channel, params, (message) => {
    const m = message as StreamMessage<StreamEvent<C>>;
    messages.push(m);
    if (m.kind === 'data') data.push(m.data);
    else settle(m);
  });
  return { id, data, messages, finished, close: () => core.router.unsubscribe(ctx, id) };
}

/** Waits until `predicate` holds over state the test collected (not a poll of the engine). */
export async function until(predicate: () => boolean, timeout = 15_000, what = 'condition'): Promise<void> {
  await vi.waitFor(
    () => {
      if (!predicate()) throw new Error(`timed out waiting for ${what}`);
    },
    { timeout, interval: 25 },
  );
}

/** Opens a stream and collects it to its end: every data event, then the error if it failed. */
export async function collectStream<C extends StreamChannel>(core: PortholeCore, channel: C, params: StreamParams<C>, connectionId = 'test'): Promise<{ events: StreamEvent<C>[]; error: ApiError | null }> {
  const stream = openStream(core, channel, params, connectionId);
  const end = await stream.finished;
  return { events: stream.data, error: end.kind === 'error' ? end.error : null };
}
