import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../renderer/src/bridge', async () => ({ api: (await import('./fake-bridge')).fakeBridge.api, isDesktop: true }));
const { fakeBridge } = await import('./fake-bridge');
const { connectStore } = await import('../../../renderer/src/store');

describe('re-list after a (re)connect or a switch', () => {
  it('asks for the container list first; engine facts and images wait until it answered', async () => {
    vi.useFakeTimers();
    fakeBridge.answer('engine:info', () => ({ ok: true, data: null }));
    fakeBridge.hold('containers:list');
    connectStore();
    fakeBridge.calls.length = 0;
    fakeBridge.status('connected');
    await vi.advanceTimersByTimeAsync(1000);
    expect(fakeBridge.calls).toEqual(['containers:list']);
    fakeBridge.release('containers:list');
    await vi.advanceTimersByTimeAsync(1000);
    expect(fakeBridge.calls).toEqual(['containers:list', 'engine:info', 'images:list']);
    vi.useRealTimers();
  });
});
