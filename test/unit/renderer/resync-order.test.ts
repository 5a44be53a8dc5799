import { describe, expect, it, vi } from 'vitest';

/** A bridge whose pushes the test sends by hand, recording each invoke and answering it when told. */
const bridge = vi.hoisted(() => {
  const listeners = new Map<string, (payload: unknown) => void>();
  const calls: string[] = [];
  const answers = new Map<string, () => void>();
  return {
    listeners,
    calls,
    answers,
    api: {
      invoke: vi.fn((channel: string) => {
        calls.push(channel);
        if (channel === 'engine:status') return Promise.resolve({ ok: false, error: { code: 'ENGINE_UNAVAILABLE', message: 'test' } });
        if (channel !== 'containers:list') return Promise.resolve({ ok: true, data: channel === 'engine:info' ? null : [] });
        return new Promise((resolve) => answers.set(channel, () => resolve({ ok: true, data: [] })));
      }),
      on: vi.fn((channel: string, listener: (payload: unknown) => void) => {
        listeners.set(channel, listener);
        return () => listeners.delete(channel);
      }),
      subscribe: vi.fn(() => () => {}),
    },
  };
});
vi.mock('../../../renderer/src/bridge', () => ({ api: bridge.api, isDesktop: true }));

const { connectStore } = await import('../../../renderer/src/store');

describe('re-list after a (re)connect or a switch', () => {
  it('asks for the container list first; engine facts and images wait until it answered', async () => {
    vi.useFakeTimers();
    connectStore();
    bridge.calls.length = 0;
    bridge.listeners.get('engine:status')!({ state: 'connected', endpoint: 'unix:///x.sock', source: 'test', version: '20.10.24', apiVersion: '1.41' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(bridge.calls).toEqual(['containers:list']);
    bridge.answers.get('containers:list')!();
    await vi.advanceTimersByTimeAsync(1000);
    expect(bridge.calls).toEqual(['containers:list', 'engine:info', 'images:list']);
    vi.useRealTimers();
  });
});
