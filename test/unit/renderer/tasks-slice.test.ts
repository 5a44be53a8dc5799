// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StreamMessage } from '../../../shared/api/contract';
import type { BuildEvent } from '../../../shared/api/images';

/** A bridge whose build stream the test drives by hand. */
const bridge = vi.hoisted(() => {
  const state = {
    listener: null as ((m: StreamMessage<unknown>) => void) | null,
    params: null as unknown,
    closed: 0,
  };
  return {
    state,
    api: {
      invoke: vi.fn(async () => ({ ok: true, data: [] })),
      on: vi.fn(() => () => {}),
      subscribe: vi.fn((_channel: string, params: unknown, listener: (m: StreamMessage<unknown>) => void) => {
        state.listener = listener;
        state.params = params;
        return () => {
          state.closed++;
        };
      }),
    },
  };
});
vi.mock('../../../renderer/src/bridge', () => ({ api: bridge.api, isDesktop: false }));

const { useStore } = await import('../../../renderer/src/store');

const send = (events: BuildEvent[]) => bridge.state.listener!({ kind: 'data', data: events });

describe('the tasks slice', () => {
  beforeEach(() => {
    bridge.state.closed = 0;
    useStore.setState({ tasks: {}, taskOrder: [], toasts: [], viewedTaskId: null });
  });

  it('opens the build stream and folds its batches into the task, then toasts the result', () => {
    const id = useStore.getState().startBuild({ context: '/src/app', tag: 'greeting-app' });
    expect(bridge.api.subscribe).toHaveBeenCalledWith('images:build', { context: '/src/app', tag: 'greeting-app' }, expect.any(Function));
    expect(useStore.getState().viewedTaskId).toBe(id);
    expect(useStore.getState().tasks[id].status).toBe('running');

    send([{ kind: 'step', index: 1, total: 2, instruction: 'FROM scratch' }]);
    send([{ kind: 'step', index: 2, total: 2, instruction: 'COPY . /' }, { kind: 'output', text: ' ---> 123\n' }]);
    let task = useStore.getState().tasks[id];
    expect([task.step, task.totalSteps]).toEqual([2, 2]);
    expect(task.output).toContain('Step 2/2 : COPY . /');

    send([{ kind: 'done', imageId: 'sha256:1', tag: 'greeting-app' }]);
    bridge.state.listener!({ kind: 'end' });
    task = useStore.getState().tasks[id];
    expect(task.status).toBe('done');
    expect(useStore.getState().toasts.map((t) => t.title)).toEqual(['Built greeting-app']);
  });

  it('marks the task failed with the stream error, keeping the engine message', () => {
    const id = useStore.getState().startBuild({ context: '/src/app', tag: 'broken' });
    send([{ kind: 'failed', message: 'returned a non-zero code: 3' }]);
    bridge.state.listener!({ kind: 'error', error: { code: 'BUILD_FAILED', message: 'returned a non-zero code: 3' } });
    const task = useStore.getState().tasks[id];
    expect(task.status).toBe('failed');
    expect(task.error).toMatchObject({ code: 'BUILD_FAILED', message: 'returned a non-zero code: 3' });
    expect(useStore.getState().toasts[0]).toMatchObject({ tone: 'error', title: 'Build of broken failed' });
  });

  it('a stream that ends without done or failed is not reported as a success', () => {
    const id = useStore.getState().startBuild({ context: '/src/app', tag: 'quiet' });
    bridge.state.listener!({ kind: 'end' });
    expect(useStore.getState().tasks[id].status).toBe('failed');
  });

  it('cancelling unsubscribes (which aborts the build) and ignores later messages; finished tasks can be dismissed', () => {
    const id = useStore.getState().startBuild({ context: '/src/app', tag: 'slow' });
    useStore.getState().dismissTask(id);
    expect(useStore.getState().tasks[id]).toBeDefined();
    useStore.getState().cancelBuild(id);
    expect(bridge.state.closed).toBe(1);
    expect(useStore.getState().tasks[id].status).toBe('cancelled');
    send([{ kind: 'done', imageId: 'sha256:2', tag: 'slow' }]);
    expect(useStore.getState().tasks[id].status).toBe('cancelled');
    useStore.getState().dismissTask(id);
    expect(useStore.getState().tasks[id]).toBeUndefined();
    expect(useStore.getState().taskOrder).not.toContain(id);
  });

  it('keeps only the last ten finished tasks', () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      ids.push(useStore.getState().startBuild({ context: '/src/app', tag: `t${i}` }));
      send([{ kind: 'done', imageId: `sha256:${i}`, tag: `t${i}` }]);
    }
    useStore.getState().startBuild({ context: '/src/app', tag: 'last' });
    const order = useStore.getState().taskOrder;
    expect(order).toHaveLength(11);
    expect(order).not.toContain(ids[0]);
    expect(order).not.toContain(ids[1]);
  });
});
