// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StreamMessage } from '../../../shared/api/contract';
import type { BuildEvent } from '../../../shared/api/images';
import type { TransferProgress } from '../../../shared/api/registry';

/** A bridge whose build stream the test drives by hand. */
const bridge = vi.hoisted(() => {
  const state = {
    listener: null as ((m: StreamMessage<unknown>) => void) | null,
    channel: '',
    params: null as unknown,
    closed: 0,
  };
  return {
    state,
    api: {
      invoke: vi.fn(async () => ({ ok: true, data: [] })),
      on: vi.fn(() => () => {}),
      subscribe: vi.fn((channel: string, params: unknown, listener: (m: StreamMessage<unknown>) => void) => {
        state.listener = listener;
        state.channel = channel;
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

const { taskOfKind } = await import('../../../renderer/src/store/tasks-slice');

const send = (events: BuildEvent[]) => bridge.state.listener!({ kind: 'data', data: events });
const buildTask = (id: string) => taskOfKind(useStore.getState().tasks[id], 'build')!;

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
    let task = buildTask(id);
    expect([task.step, task.totalSteps]).toEqual([2, 2]);
    expect(task.output).toContain('Step 2/2 : COPY . /');

    send([{ kind: 'done', imageId: 'sha256:1', tag: 'greeting-app' }]);
    bridge.state.listener!({ kind: 'end' });
    task = buildTask(id);
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
    useStore.getState().cancelTask(id);
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

  it('a stream that ends the task by an event is closed then', () => {
    useStore.getState().startBuild({ context: '/src/app', tag: 'quick' });
    send([{ kind: 'done', imageId: 'sha256:3', tag: 'quick' }]);
    expect(bridge.state.closed).toBe(1);
  });
});

describe('the tasks slice: pulls, pushes, deploys and engine starts', () => {
  const snapshot = (percent: number): TransferProgress => ({ kind: 'pull', reference: 'reg/app:1', layers: [], percent, bytesCurrent: 0, bytesTotal: 0, messages: [], done: percent === 100 });
  const data = (d: unknown) => bridge.state.listener!({ kind: 'data', data: d });

  beforeEach(() => {
    bridge.state.closed = 0;
    useStore.setState({ tasks: {}, taskOrder: [], toasts: [], viewedTaskId: null });
  });

  it('runs a pull on its own (no dialog needed), folds its snapshots and calls onDone once', () => {
    const onDone = vi.fn();
    const id = useStore.getState().startTransfer('pull', 'reg/app:1', onDone);
    expect(bridge.state.channel).toBe('images:pull');
    expect(bridge.state.params).toEqual({ reference: 'reg/app:1' });
    data(snapshot(40));
    expect(taskOfKind(useStore.getState().tasks[id], 'pull')?.progress?.percent).toBe(40);
    data(snapshot(100));
    bridge.state.listener!({ kind: 'end' });
    expect(useStore.getState().tasks[id]).toMatchObject({ kind: 'pull', title: 'reg/app:1', status: 'done' });
    expect(onDone).toHaveBeenCalledTimes(1);
    bridge.state.listener!({ kind: 'end' });
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('cancelling a push closes its stream and never calls onDone', () => {
    const onDone = vi.fn();
    const id = useStore.getState().startTransfer('push', 'reg/app:1', onDone);
    expect(bridge.state.channel).toBe('images:push');
    useStore.getState().cancelTask(id);
    expect(bridge.state.closed).toBe(1);
    expect(useStore.getState().tasks[id].status).toBe('cancelled');
    bridge.state.listener!({ kind: 'end' });
    expect(useStore.getState().tasks[id].status).toBe('cancelled');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('a deploy folds its stages and result, and cancelling marks the running stage', () => {
    const onDone = vi.fn();
    const params = { folder: '/src/api', name: 'api', port: 3000, dockerfile: 'FROM node', dockerignore: '', env: {} };
    const id = useStore.getState().startDeploy(params, 'api', onDone);
    expect(bridge.state.channel).toBe('deploy:run');
    data({ kind: 'stage', stage: 'build', state: 'running', atMs: 1 });
    useStore.getState().cancelTask(id);
    const task = taskOfKind(useStore.getState().tasks[id], 'deploy')!;
    expect(task.status).toBe('cancelled');
    expect(task.stages.build).toMatchObject({ state: 'failed', message: 'Cancelled.' });
    expect(bridge.state.closed).toBe(1);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('a deploy that succeeds hands its result to onDone when its stream ends', () => {
    const onDone = vi.fn();
    const id = useStore.getState().startDeploy({ kind: 'compose', folder: '/src/shop', project: 'shop' }, 'shop', onDone);
    const result = { project: 'shop', folder: '/src/shop', services: ['web'], entryService: 'web', url: 'http://127.0.0.1:8080', container: 'shop-web-1' };
    data({ kind: 'compose-done', result });
    expect(onDone).not.toHaveBeenCalled();
    bridge.state.listener!({ kind: 'end' });
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ id, status: 'done', composeResult: result }));
  });

  it('an engine start is done when the engine answers; an error fails it', () => {
    const id = useStore.getState().startEngine('podman-service', 'Start Podman');
    expect(bridge.state.params).toEqual({ candidateId: 'podman-service' });
    data({ kind: 'started', candidateId: 'podman-service', endpoint: 'unix:///run/podman.sock' });
    expect(useStore.getState().tasks[id].status).toBe('done');
    const failing = useStore.getState().startEngine('docker-rootless', 'Start Docker');
    bridge.state.listener!({ kind: 'error', error: { code: 'INTERNAL', message: 'exited 1' } });
    expect(useStore.getState().tasks[failing]).toMatchObject({ status: 'failed', error: { message: 'exited 1' } });
  });

  it('keeps every kind in one list, oldest first', () => {
    useStore.getState().startBuild({ context: '/src/app', tag: 'app' });
    useStore.getState().startTransfer('pull', 'reg/app:1');
    useStore.getState().startEngine('podman-service', 'Start Podman');
    const { taskOrder, tasks } = useStore.getState();
    expect(taskOrder.map((id) => tasks[id].kind)).toEqual(['build', 'pull', 'engine-start']);
  });
});
