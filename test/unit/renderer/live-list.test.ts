import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveListState } from '../../../renderer/src/store/live-list';

vi.mock('../../../renderer/src/bridge', async () => ({ api: (await import('./fake-bridge')).fakeBridge.api, isDesktop: false }));
const { fakeBridge } = await import('./fake-bridge');
const { LiveList } = await import('../../../renderer/src/store/live-list');
const { startWiring } = await import('../../../renderer/src/store/wiring');
const { api } = await import('../../../renderer/src/bridge');

const volumes = () => new LiveList({ key: 'volumes', load: () => api.invoke('volumes:list', {}), initial: [] as { name: string }[], delayMs: 100 });

describe('a live list', () => {
  beforeAll(() => startWiring());
  beforeEach(() => {
    vi.useFakeTimers();
    fakeBridge.reset();
    fakeBridge.answer('volumes:list', () => ({ ok: true, data: [{ name: 'v1' }] }));
  });
  afterEach(() => {
    fakeBridge.status('unavailable');
    vi.useRealTimers();
  });

  it('asks nothing while nothing listens, then lists once connected and keeps the answer', async () => {
    const list = volumes();
    fakeBridge.status('connected');
    fakeBridge.events('volume create');
    await vi.advanceTimersByTimeAsync(500);
    expect(fakeBridge.count('volumes:list')).toBe(0);

    const seen: LiveListState<{ name: string }[]>[] = [];
    const off = list.subscribe((s) => seen.push(s));
    await vi.advanceTimersByTimeAsync(10);
    expect(fakeBridge.count('volumes:list')).toBe(1);
    expect(list.current()).toEqual({ data: [{ name: 'v1' }], loaded: true, error: null });
    expect(seen).toHaveLength(1);
    off();
    // The last listener gone, the list forgets (the next engine may be another one) and stops following events.
    expect(list.current().loaded).toBe(false);
    fakeBridge.events('volume create');
    await vi.advanceTimersByTimeAsync(500);
    expect(fakeBridge.count('volumes:list')).toBe(1);
  });

  it('coalesces a burst of events into one request, ignores events the table does not name, and queues one request behind the one in flight', async () => {
    fakeBridge.status('connected');
    const list = volumes();
    const off = list.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(10);
    fakeBridge.hold('volumes:list');

    fakeBridge.events('volume create', 'volume mount', 'container start', 'container exec_start: sh', 'image tag');
    await vi.advanceTimersByTimeAsync(150);
    expect(fakeBridge.count('volumes:list')).toBe(2);

    // While that one is in flight more changes arrive: exactly one more request follows it.
    fakeBridge.events('volume destroy');
    await vi.advanceTimersByTimeAsync(150);
    fakeBridge.events('container die');
    await vi.advanceTimersByTimeAsync(150);
    expect(fakeBridge.count('volumes:list')).toBe(2);
    fakeBridge.release('volumes:list');
    await vi.advanceTimersByTimeAsync(150);
    expect(fakeBridge.count('volumes:list')).toBe(3);
    fakeBridge.release('volumes:list');
    await vi.advanceTimersByTimeAsync(500);
    expect(fakeBridge.count('volumes:list')).toBe(3);

    fakeBridge.events('image delete', 'container exec_die');
    await vi.advanceTimersByTimeAsync(500);
    expect(fakeBridge.count('volumes:list')).toBe(3);
    off();
  });

  it('lists again after a reconnect, and keeps the last good data with the error when a request fails', async () => {
    const list = volumes();
    const off = list.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(500);
    expect(fakeBridge.count('volumes:list')).toBe(0);
    fakeBridge.status('connected');
    await vi.advanceTimersByTimeAsync(150);
    expect(fakeBridge.count('volumes:list')).toBe(1);

    fakeBridge.answer('volumes:list', () => ({ ok: false, error: { code: 'ENGINE_UNAVAILABLE', message: 'gone' } }));
    fakeBridge.status('unavailable');
    fakeBridge.status('connected');
    await vi.advanceTimersByTimeAsync(150);
    expect(fakeBridge.count('volumes:list')).toBe(2);
    expect(list.current()).toEqual({ data: [{ name: 'v1' }], loaded: true, error: { code: 'ENGINE_UNAVAILABLE', message: 'gone' } });
    off();
  });

  it('answers `refresh` once a request made after the call came back, and asks nothing of a disconnected engine', async () => {
    const list = volumes();
    const off = list.subscribe(() => {});
    const unanswered = list.refresh();
    await vi.advanceTimersByTimeAsync(10);
    await unanswered;
    expect(fakeBridge.count('volumes:list')).toBe(0);
    fakeBridge.status('connected');
    await vi.advanceTimersByTimeAsync(150);
    fakeBridge.answer('volumes:list', () => ({ ok: true, data: [{ name: 'v2' }] }));
    const done = list.refresh();
    await vi.advanceTimersByTimeAsync(10);
    await done;
    expect(list.current().data).toEqual([{ name: 'v2' }]);
    off();
  });

  it('drops an answer that arrives after the last listener left', async () => {
    fakeBridge.status('connected');
    fakeBridge.hold('volumes:list');
    const list = volumes();
    const seen: unknown[] = [];
    const off = list.subscribe((s) => seen.push(s));
    await vi.advanceTimersByTimeAsync(10);
    off();
    fakeBridge.release('volumes:list');
    await vi.advanceTimersByTimeAsync(10);
    expect(seen).toEqual([]);
    expect(list.current().loaded).toBe(false);
  });

  it('with settleMs asks once more after the last touching event, for records that lag their events', async () => {
    const list = new LiveList({ key: 'swarmServices', load: () => api.invoke('swarm:services', {}), initial: [] as unknown[], delayMs: 100, settleMs: 1_500 });
    fakeBridge.status('connected');
    const off = list.subscribe(() => {});
    const requestsAfter = async (ms: number) => {
      await vi.advanceTimersByTimeAsync(ms);
      return fakeBridge.count('swarm:services');
    };
    expect(await requestsAfter(10)).toBe(1);
    fakeBridge.events('container create');
    await vi.advanceTimersByTimeAsync(500);
    fakeBridge.events('container start');
    expect(await requestsAfter(200)).toBe(3);
    // 1.5 s after the last event (not the first): one more, then nothing.
    expect(await requestsAfter(1_000)).toBe(3);
    expect(await requestsAfter(500)).toBe(4);
    expect(await requestsAfter(5_000)).toBe(4);
    off();
  });
});
