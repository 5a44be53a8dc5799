import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineEvent } from '../../../shared/dto';

/** A bridge whose pushes the test sends by hand, and which counts image list calls (answered when told). */
const bridge = await vi.hoisted(async () => {
  const { fakeBridge, ENGINE_UNAVAILABLE } = await import('./fake-bridge');
  let lists = 0;
  let resolveList: (() => void) | null = null;
  const fake = fakeBridge(async (channel) => {
    if (channel === 'images:list') {
      lists++;
      await new Promise<void>((resolve) => (resolveList = resolve));
      return { ok: true, data: [] };
    }
    if (channel === 'engine:status') return ENGINE_UNAVAILABLE;
    return { ok: true, data: [] };
  });
  return { ...fake, lists: () => lists, finishList: () => resolveList?.() };
});
vi.mock('../../../renderer/src/bridge', () => ({ api: bridge.api, isDesktop: false }));

const { useStore } = await import('../../../renderer/src/store');
const { connectImages } = await import('../../../renderer/src/store/images-slice');
const { startWiring } = await import('../../../renderer/src/store/wiring');

const event = (type: string, action: string): EngineEvent => ({ type, action, id: 'x', attributes: {}, timeNano: '0', timeMs: 0 });
const push = (e: EngineEvent) => bridge.push('engine:event', e);

describe('images list refresh from engine events', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('coalesces a burst into one list call, follows a call in flight with one more, and ignores unrelated events', async () => {
    connectImages(useStore.getState, 100);
    startWiring();
    const before = bridge.lists();

    push(event('image', 'pull'));
    push(event('image', 'tag'));
    push(event('image', 'untag'));
    push(event('container', 'create'));
    await vi.advanceTimersByTimeAsync(150);
    expect(bridge.lists() - before).toBe(1);

    // While that list is in flight, more changes arrive: exactly one more list follows it.
    push(event('image', 'delete'));
    await vi.advanceTimersByTimeAsync(150);
    push(event('image', 'tag'));
    await vi.advanceTimersByTimeAsync(150);
    expect(bridge.lists() - before).toBe(1);
    bridge.finishList();
    await vi.advanceTimersByTimeAsync(150);
    expect(bridge.lists() - before).toBe(2);
    bridge.finishList();

    push(event('container', 'start'));
    push(event('network', 'connect'));
    push(event('image', 'prune'));
    await vi.advanceTimersByTimeAsync(500);
    expect(bridge.lists() - before).toBe(2);
    expect(useStore.getState().imagesLoaded).toBe(true);
  });
});
