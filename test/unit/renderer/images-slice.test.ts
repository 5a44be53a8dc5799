import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../renderer/src/bridge', async () => ({ api: (await import('./fake-bridge')).fakeBridge.api, isDesktop: false }));
const { fakeBridge } = await import('./fake-bridge');
const { useStore } = await import('../../../renderer/src/store');
const { connectImages } = await import('../../../renderer/src/store/images-slice');
const { startWiring } = await import('../../../renderer/src/store/wiring');

describe('images list refresh from engine events', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    fakeBridge.reset();
  });
  afterEach(() => vi.useRealTimers());

  it('lists once the first re-lists answered, coalesces a burst into one call, follows a call in flight with one more, and ignores unrelated events', async () => {
    connectImages(useStore.setState);
    startWiring();
    fakeBridge.status('connected');
    await vi.advanceTimersByTimeAsync(200);
    expect(fakeBridge.count('images:list')).toBe(1);
    expect(useStore.getState().imagesLoaded).toBe(true);
    fakeBridge.hold('images:list');

    fakeBridge.event('image', 'pull');
    fakeBridge.event('image', 'tag');
    fakeBridge.event('image', 'untag');
    fakeBridge.event('container', 'create');
    await vi.advanceTimersByTimeAsync(150);
    expect(fakeBridge.count('images:list')).toBe(2);

    // While that list is in flight, more changes arrive: exactly one more list follows it.
    fakeBridge.event('image', 'delete');
    await vi.advanceTimersByTimeAsync(150);
    fakeBridge.event('image', 'tag');
    await vi.advanceTimersByTimeAsync(150);
    expect(fakeBridge.count('images:list')).toBe(2);
    fakeBridge.release('images:list');
    await vi.advanceTimersByTimeAsync(150);
    expect(fakeBridge.count('images:list')).toBe(3);
    fakeBridge.release('images:list');

    fakeBridge.event('container', 'start');
    fakeBridge.event('network', 'connect');
    fakeBridge.event('image', 'prune');
    fakeBridge.event('image', 'push');
    await vi.advanceTimersByTimeAsync(500);
    expect(fakeBridge.count('images:list')).toBe(3);
  });
});
