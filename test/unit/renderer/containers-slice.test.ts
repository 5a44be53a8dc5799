import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineEvent } from '../../../shared/dto';

/** A fake engine table behind a mocked bridge: the slice's list calls read it, and each call is recorded. */
const bridge = vi.hoisted(() => {
  const table = new Map<string, { state: string; name: string }>();
  const calls: { channel: string; input: Record<string, unknown> }[] = [];
  const actionResults: { id: string; ok: boolean; error?: { code: string; message: string } }[] = [];
  return {
    table,
    calls,
    actionResults,
    api: {
      invoke: vi.fn(async (channel: string, input: Record<string, unknown>) => {
        calls.push({ channel, input });
        if (channel === 'containers:list') {
          const ids = input.ids as string[] | undefined;
          const rows = [...table.entries()].filter(([id]) => !ids || ids.includes(id));
          return { ok: true, data: rows.map(([id, r]) => ({ id, name: r.name, state: r.state, status: r.state, image: 'img', imageId: 'sha', command: '', createdMs: 0, ports: [], labels: {}, mounts: [] })) };
        }
        if (channel === 'containers:action') return { ok: true, data: actionResults.splice(0) };
        if (channel === 'containers:stop-timeouts') return { ok: true, data: (input.ids as string[]).map((id) => ({ id, seconds: 10 })) };
        return { ok: true, data: [] };
      }),
      on: vi.fn(() => () => {}),
      subscribe: vi.fn(() => () => {}),
    },
  };
});
vi.mock('../../../renderer/src/bridge', () => ({ api: bridge.api, isDesktop: false }));

const { useStore } = await import('../../../renderer/src/store');
const { selectVisibleContainers } = await import('../../../renderer/src/store/containers-slice');

const event = (id: string, action: string, type = 'container'): EngineEvent => ({ type, action, id, attributes: {}, timeNano: '0', timeMs: 0 });
const listCalls = () => bridge.calls.filter((c) => c.channel === 'containers:list');
const state = (id: string) => useStore.getState().containers[id]?.state;

describe('containers slice: patching from engine events', () => {
  // Engine ids are never reused, and the slice remembers destroyed ones: each test gets fresh ids.
  let round = 0;
  let A = '';
  let B = '';
  let C = '';
  beforeEach(async () => {
    round++;
    A = `a${round}`;
    B = `b${round}`;
    C = `c${round}`;
    vi.useFakeTimers();
    bridge.table.clear();
    bridge.table.set(A, { name: 'alpha', state: 'running' });
    bridge.table.set(B, { name: 'beta', state: 'exited' });
    useStore.setState({ containers: {}, selectedContainers: {}, containersLoaded: false, toasts: [] });
    await useStore.getState().loadContainers();
    bridge.calls.length = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('shows a die at once, then confirms it with one re-list of just that container', async () => {
    bridge.table.set(A, { name: 'alpha', state: 'exited' });
    useStore.getState().applyContainerEvent(event(A, 'kill'));
    useStore.getState().applyContainerEvent(event(A, 'die'));
    expect(state(A)).toBe('exited');
    expect(listCalls()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(60);
    expect(listCalls()).toEqual([{ channel: 'containers:list', input: { all: true, ids: [A] } }]);
    expect(state(A)).toBe('exited');
  });

  it('coalesces a burst of events into one re-list, and adds a container created outside', async () => {
    bridge.table.set(C, { name: 'gamma', state: 'running' });
    for (const action of ['create', 'start', 'attach', 'resize']) useStore.getState().applyContainerEvent(event(C, action));
    useStore.getState().applyContainerEvent(event(B, 'start'));
    bridge.table.set(B, { name: 'beta', state: 'running' });
    await vi.advanceTimersByTimeAsync(60);
    expect(listCalls()).toHaveLength(1);
    expect(listCalls()[0].input.ids).toEqual([C, B]);
    expect(state(C)).toBe('running');
    expect(state(B)).toBe('running');
  });

  it('drops a destroyed container without asking the engine, and forgets its selection', async () => {
    useStore.getState().toggleContainerSelected(A);
    bridge.table.delete(A);
    useStore.getState().applyContainerEvent(event(A, 'destroy'));
    expect(state(A)).toBeUndefined();
    expect(useStore.getState().selectedContainers).toEqual({});
    await vi.advanceTimersByTimeAsync(60);
    expect(listCalls()).toHaveLength(0);
  });

  it('keeps the state an event implied when the engine list still lags, and asks again', async () => {
    // The engine's list snapshot says "running" for a moment after it announced the die.
    useStore.getState().applyContainerEvent(event(A, 'die'));
    await vi.advanceTimersByTimeAsync(60);
    expect(state(A)).toBe('exited');
    expect(listCalls()).toHaveLength(1);
    bridge.table.set(A, { name: 'alpha', state: 'exited' });
    await vi.advanceTimersByTimeAsync(60);
    expect(listCalls()).toHaveLength(2);
    expect(state(A)).toBe('exited');
    await vi.advanceTimersByTimeAsync(200);
    expect(listCalls()).toHaveLength(2);
  });

  it('a stop begun outside Porthole (docker stop) shows Stopping with the kill countdown until the container exits', async () => {
    const kill = (signal: string): EngineEvent => ({ ...event(A, 'kill'), attributes: { signal }, timeMs: 1_000_000 });
    useStore.getState().applyContainerEvent(kill('15'));
    expect(useStore.getState().containerBusy[A]).toBe('stop');
    await vi.advanceTimersByTimeAsync(0);
    expect(useStore.getState().containerKillAt[A]).toBe(1_010_000);
    bridge.table.set(A, { name: 'alpha', state: 'exited' });
    useStore.getState().applyContainerEvent(event(A, 'die'));
    expect(useStore.getState().containerBusy[A]).toBeUndefined();
    expect(useStore.getState().containerKillAt[A]).toBeUndefined();
    await vi.advanceTimersByTimeAsync(100);
  });

  it('a kill with SIGKILL is no stop to count down, and a signal that stopped nothing is forgotten after the timeout', async () => {
    useStore.getState().applyContainerEvent({ ...event(A, 'kill'), attributes: { signal: '9' } });
    expect(useStore.getState().containerBusy[A]).toBeUndefined();
    useStore.getState().applyContainerEvent({ ...event(A, 'kill'), attributes: { signal: 'SIGTERM' }, timeMs: Date.now() });
    await vi.advanceTimersByTimeAsync(0);
    expect(useStore.getState().containerBusy[A]).toBe('stop');
    await vi.advanceTimersByTimeAsync(10_000 + 5_000);
    expect(useStore.getState().containerBusy[A]).toBeUndefined();
    expect(useStore.getState().containerKillAt[A]).toBeUndefined();
  });

  it('ignores events of other object types and exec noise', async () => {
    useStore.getState().applyContainerEvent(event('img', 'pull', 'image'));
    useStore.getState().applyContainerEvent(event(A, 'exec_start: sh'));
    useStore.getState().applyContainerEvent(event(A, 'exec_die'));
    await vi.advanceTimersByTimeAsync(200);
    expect(listCalls()).toHaveLength(0);
  });

  it('a container someone else removed: the failed action says so in words and the row goes', async () => {
    bridge.table.delete(A);
    bridge.actionResults.push({ id: A, ok: false, error: { code: 'NOT_FOUND', message: 'No such container: a' } });
    const outcomes = await useStore.getState().runContainerAction([A], 'stop');
    expect(outcomes[0].ok).toBe(false);
    const toast = useStore.getState().toasts.at(-1);
    expect(toast?.title).toBe('Could not stop alpha');
    expect(toast?.body).toContain('someone else removed it');
    await vi.advanceTimersByTimeAsync(60);
    expect(state(A)).toBeUndefined();
  });

  it('filters running containers and searches name, image and project', () => {
    const s = useStore.getState();
    expect(selectVisibleContainers({ ...s, containerFilter: 'running', containerSearch: '' }).map((c) => c.name)).toEqual(['alpha']);
    expect(selectVisibleContainers({ ...s, containerFilter: 'all', containerSearch: 'BET' }).map((c) => c.name)).toEqual(['beta']);
  });
});
