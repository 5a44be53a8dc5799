import { describe, expect, it, vi } from 'vitest';

/** A bridge whose pushes the test sends by hand, recording each invoke and answering the container list when told. */
const bridge = await vi.hoisted(async () => {
  const { fakeBridge, ENGINE_UNAVAILABLE } = await import('./fake-bridge');
  const calls: string[] = [];
  const answers = new Map<string, () => void>();
  const fake = fakeBridge((channel) => {
    calls.push(channel);
    if (channel === 'engine:status') return Promise.resolve(ENGINE_UNAVAILABLE);
    if (channel !== 'containers:list') return Promise.resolve({ ok: true, data: channel === 'engine:info' ? null : [] });
    return new Promise((resolve) => answers.set(channel, () => resolve({ ok: true, data: [] })));
  });
  return { ...fake, calls, answers };
});
vi.mock('../../../renderer/src/bridge', () => ({ api: bridge.api, isDesktop: true }));

const { connectStore } = await import('../../../renderer/src/store');

describe('re-list after a (re)connect or a switch', () => {
  it('asks for the container list first; engine facts and images wait until it answered', async () => {
    vi.useFakeTimers();
    connectStore();
    bridge.calls.length = 0;
    bridge.push('engine:status', { state: 'connected', endpoint: 'unix:///x.sock', source: 'test', version: '20.10.24', apiVersion: '1.41' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(bridge.calls).toEqual(['containers:list']);
    bridge.answers.get('containers:list')!();
    await vi.advanceTimersByTimeAsync(1000);
    expect(bridge.calls).toEqual(['containers:list', 'engine:info', 'images:list']);
    vi.useRealTimers();
  });
});
