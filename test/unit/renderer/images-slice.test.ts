import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../renderer/src/bridge', async () => ({ api: (await import('./fake-bridge')).fakeBridge.api, isDesktop: false }));
const { fakeBridge } = await import('./fake-bridge');
const { useStore } = await import('../../../renderer/src/store');
const { connectImages } = await import('../../../renderer/src/store/images-slice');
const { startWiring } = await import('../../../renderer/src/store/wiring');

describe('the images slice', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    fakeBridge.reset();
  });
  afterEach(() => vi.useRealTimers());

  it('mirrors the live image list into the store, re-listing on the image events the table names', async () => {
    connectImages(useStore.setState);
    startWiring();
    fakeBridge.answer('images:list', () => ({ ok: true, data: [{ id: 'sha256:1', tags: ['app:1'] }] }));
    fakeBridge.status('connected');
    await vi.advanceTimersByTimeAsync(200);
    expect(fakeBridge.count('images:list')).toBe(1);
    expect(useStore.getState()).toMatchObject({ imagesLoaded: true, imagesError: null, images: [{ id: 'sha256:1' }] });

    fakeBridge.events('image tag', 'container destroy', 'container start', 'image push');
    await vi.advanceTimersByTimeAsync(500);
    expect(fakeBridge.count('images:list')).toBe(2);

    const refreshed = useStore.getState().refreshImages();
    await vi.advanceTimersByTimeAsync(10);
    await refreshed;
    expect(fakeBridge.count('images:list')).toBe(3);
  });
});
