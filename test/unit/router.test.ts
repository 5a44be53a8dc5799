import { describe, expect, it, vi } from 'vitest';
import { ApiRouter, type InvokeHandlers, type StreamHandlers } from '../../main/api/router';
import type { StreamMessage } from '../../shared/api/contract';

/** Handlers that record what reached them; the stream handler stays open until its signal aborts. */
function makeRouter() {
  const reached: string[] = [];
  const signals: AbortSignal[] = [];
  const invoke = new Proxy({} as InvokeHandlers, {
    get: (_t, channel: string) => async (input: unknown) => {
      reached.push(channel);
      return { echoed: input };
    },
  });
  const untilAborted = (signal: AbortSignal) => new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  const explicit: Partial<StreamHandlers> = {
    'images:build': async (_p, emit, { signal }) => {
      reached.push('images:build');
      signals.push(signal);
      emit([{ kind: 'output', text: 'hi' }]);
      await untilAborted(signal);
    },
    'containers:logs': async (_p, emit, { signal }) => {
      reached.push('containers:logs');
      signals.push(signal);
      emit({ text: 'one', count: 1 });
      await untilAborted(signal);
    },
    'images:pull': async () => {},
    'images:push': async () => {},
    'containers:stats': async () => {
      reached.push('containers:stats');
      throw Object.assign(new Error('(HTTP code 404) no such container - No such container: x'), { statusCode: 404, json: { message: 'No such container: x' } });
    },
  };
  // Channels other engineers add get a handler that ends at once; these tests use the three above.
  const streams = new Proxy(explicit, {
    get: (target, channel: string) => target[channel as keyof StreamHandlers] ?? (async () => {}),
  }) as StreamHandlers;
  return { router: new ApiRouter(invoke, streams), reached, signals };
}

const A = { connectionId: 'window-a' };
const B = { connectionId: 'window-b' };

function collector() {
  const messages: StreamMessage<unknown>[] = [];
  return { messages, sink: (m: StreamMessage<unknown>) => messages.push(m) };
}

describe('ApiRouter', () => {
  it('validates invoke input before any handler runs', async () => {
    const { router, reached } = makeRouter();
    expect(await router.invoke('nope:channel', {}, A)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('nope:channel') } });
    expect(await router.invoke('containers:list', { all: 'yes' }, A)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await router.invoke('containers:inspect', { id: 'x'.repeat(10 * 1024 * 1024) }, A)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await router.invoke('containers:list', { all: true, extra: 1 }, A)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(reached).toEqual([]);
    expect(await router.invoke('containers:list', undefined, A)).toEqual({ ok: true, data: { echoed: { all: true } } });
    expect(reached).toEqual(['containers:list']);
  });

  it('refuses an unknown stream channel, a bad id and bad params without calling a handler', () => {
    const { router, reached } = makeRouter();
    const c = collector();
    router.subscribe(A, 's1', 'containers:exec', {}, c.sink);
    router.subscribe(A, '', 'containers:logs', { id: 'abc' }, c.sink);
    router.subscribe(A, 's2', 'containers:logs', { id: 'abc', tail: -1 }, c.sink);
    expect(c.messages).toEqual([
      { kind: 'error', error: { code: 'VALIDATION', message: expect.stringContaining('containers:exec') } },
      { kind: 'error', error: expect.objectContaining({ code: 'VALIDATION' }) },
      { kind: 'error', error: expect.objectContaining({ code: 'VALIDATION' }) },
    ]);
    expect(reached).toEqual([]);
    expect(router.openStreamCount()).toBe(0);
  });

  it('refuses a duplicate subscription id on the same connection, allows it on another', () => {
    const { router } = makeRouter();
    const first = collector();
    const dup = collector();
    const other = collector();
    router.subscribe(A, 'logs', 'containers:logs', { id: 'abc' }, first.sink);
    router.subscribe(A, 'logs', 'containers:logs', { id: 'abc' }, dup.sink);
    router.subscribe(B, 'logs', 'containers:logs', { id: 'abc' }, other.sink);
    expect(dup.messages).toEqual([{ kind: 'error', error: { code: 'CONFLICT', message: expect.stringContaining('already open') } }]);
    expect(first.messages).toEqual([{ kind: 'data', data: { text: 'one', count: 1 } }]);
    expect(other.messages).toHaveLength(1);
    expect(router.openStreamCount()).toBe(2);
  });

  it('unsubscribe aborts the handler’s signal and nothing more is sent', async () => {
    const { router, signals } = makeRouter();
    const c = collector();
    router.subscribe(A, 'b1', 'images:build', { context: '/tmp', tag: 'app' }, c.sink);
    expect(signals).toHaveLength(1);
    expect(signals[0].aborted).toBe(false);
    router.unsubscribe(A, 'b1');
    expect(signals[0].aborted).toBe(true);
    await new Promise((r) => setTimeout(r, 10));
    expect(c.messages).toEqual([{ kind: 'data', data: [{ kind: 'output', text: 'hi' }] }]);
    expect(router.openStreamCount()).toBe(0);
    router.unsubscribe(A, 'b1'); // twice is harmless
  });

  it('closeConnection aborts every stream of that connection and only those', () => {
    const { router, signals } = makeRouter();
    router.subscribe(A, 'one', 'containers:logs', { id: 'a' }, () => {});
    router.subscribe(A, 'two', 'images:build', { context: '/tmp', tag: 'app' }, () => {});
    router.subscribe(B, 'three', 'containers:logs', { id: 'b' }, () => {});
    expect(router.openStreamCount()).toBe(3);
    router.closeConnection(A.connectionId);
    expect(signals.map((s) => s.aborted)).toEqual([true, true, false]);
    expect(router.openStreamCount()).toBe(1);
    router.closeConnection('never-seen');
    expect(router.openStreamCount()).toBe(1);
  });

  it('maps a handler failure to an error message and frees the slot', async () => {
    const { router } = makeRouter();
    const c = collector();
    router.subscribe(A, 'st', 'containers:stats', { id: 'x' }, c.sink);
    await vi.waitFor(() => expect(c.messages).toEqual([{ kind: 'error', error: { code: 'NOT_FOUND', message: 'No such container: x' } }]));
    expect(router.openStreamCount()).toBe(0);
  });

  it('caps the number of open streams per connection', () => {
    const { router } = makeRouter();
    for (let i = 0; i < 256; i++) router.subscribe(A, `s${i}`, 'containers:logs', { id: 'a' }, () => {});
    const c = collector();
    router.subscribe(A, 'one-too-many', 'containers:logs', { id: 'a' }, c.sink);
    expect(c.messages).toEqual([{ kind: 'error', error: { code: 'CONFLICT', message: 'Too many open streams.' } }]);
    router.closeConnection(A.connectionId);
    expect(router.openStreamCount()).toBe(0);
  });
});
