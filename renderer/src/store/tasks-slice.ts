import type { StateCreator } from 'zustand';
import { api } from '../bridge';
import type { StreamMessage, StreamParams } from '../../../shared/api/contract';
import type { BuildParams } from '../../../shared/api/images';
import { cancelTask as markCancelled, failTask } from './task';
import { endBuild, foldBuildEvents, newBuildTask, type BuildTask } from './build-progress';
import { endTransfer, foldTransfer, newTransferTask, type TransferTask } from './transfer-progress';
import { cancelDeploy, endDeploy, foldDeployEvent, newDeployTask, type DeployTask } from './deploy-progress';
import { cancelEngineStart, endEngineStart, foldEngineStart, newEngineStartTask, type EngineStartTask } from './engine-start-progress';
import type { StoreState } from './index';

export type Task = BuildTask | TransferTask | DeployTask | EngineStartTask;

export interface TasksSlice {
  /** Long-running work (builds, pulls, pushes, deploys, engine starts) by id, oldest first; survives closing the view that started it. */
  tasks: Record<string, Task>;
  taskOrder: string[];
  /** The build the build dialog shows (null: the dialog shows its form, or is closed). */
  viewedTaskId: string | null;
  buildDialogOpen: boolean;
  startBuild: (params: BuildParams) => string;
  /** `onDone` runs once if the transfer finishes, even after the dialog that started it closed. */
  startTransfer: (kind: 'pull' | 'push', reference: string, onDone?: (task: TransferTask) => void) => string;
  startDeploy: (params: StreamParams<'deploy:run'>, title: string, onDone?: (task: DeployTask) => void) => string;
  startEngine: (candidateId: string, title: string) => string;
  /** Closes the task's stream (the engine stops the work) and marks it cancelled. */
  cancelTask: (id: string) => void;
  dismissTask: (id: string) => void;
  openBuildDialog: (taskId?: string | null) => void;
  closeBuildDialog: () => void;
}

/** How one kind of task reads its stream: pure functions, one file per kind. */
interface Fold<T extends Task, E> {
  data: (task: T, event: E) => T;
  end: (task: T) => T;
  cancel: (task: T) => T;
}

type Open<E> = (listener: (message: StreamMessage<E>) => void) => () => void;

/** Stream closers, cancel folds and completion callbacks live outside the state: they are not data. */
const closers = new Map<string, () => void>();
const cancellers = new Map<string, (task: Task) => Task>();
const finishers = new Map<string, (task: Task) => void>();
let nextTask = 0;
export const MAX_FINISHED_TASKS = 10;

export const createTasksSlice: StateCreator<StoreState, [], [], TasksSlice> = (set, get) => {
  const forget = (id: string) => {
    closers.get(id)?.();
    closers.delete(id);
    cancellers.delete(id);
    finishers.delete(id);
  };

  const update = (id: string, change: (task: Task) => Task) => {
    const task = get().tasks[id];
    if (!task) return;
    const next = change(task);
    if (next !== task) set({ tasks: { ...get().tasks, [id]: next } });
    if (next.status !== 'running' && task.status === 'running') {
      const finisher = finishers.get(id);
      forget(id);
      announce(next);
      if (next.status === 'done') finisher?.(next);
    }
  };

  const announce = (task: Task) => {
    if (task.kind !== 'build') return;
    const toast = get().toast;
    if (task.status === 'done') toast({ tone: 'success', title: `Built ${task.tag}`, body: 'The image is in the list; run it from there.' });
    else if (task.status === 'failed') toast({ tone: 'error', title: `Build of ${task.tag} failed`, body: task.error?.message });
  };

  const prune = (order: string[], tasks: Record<string, Task>) => {
    const finished = order.filter((id) => tasks[id]?.status !== 'running');
    const drop = new Set(finished.slice(0, Math.max(0, finished.length - MAX_FINISHED_TASKS)));
    if (drop.size === 0) return { order, tasks };
    const kept = Object.fromEntries(Object.entries(tasks).filter(([id]) => !drop.has(id)));
    return { order: order.filter((id) => !drop.has(id)), tasks: kept };
  };

  const run = <T extends Task, E>(task: T, open: Open<E>, fold: Fold<T, E>, onDone?: (task: T) => void): string => {
    const { id } = task;
    const { order, tasks } = prune([...get().taskOrder, id], { ...get().tasks, [id]: task });
    set({ tasks, taskOrder: order });
    cancellers.set(id, (t) => fold.cancel(t as T));
    if (onDone) finishers.set(id, (t) => onDone(t as T));
    const close = open((message) => {
      if (message.kind === 'data') update(id, (t) => fold.data(t as T, message.data));
      else if (message.kind === 'error') update(id, (t) => failTask(t, message.error));
      else update(id, (t) => fold.end(t as T));
    });
    // A stream may answer at once (a bad parameter): only a task still running keeps its closer.
    if (get().tasks[id]?.status === 'running') closers.set(id, close);
    else close();
    return id;
  };

  return {
    tasks: {},
    taskOrder: [],
    viewedTaskId: null,
    buildDialogOpen: false,

    startBuild: (params) => {
      const id = run(newBuildTask(`build-${++nextTask}`, params.tag, params.context), (l) => api.subscribe('images:build', params, l), {
        data: foldBuildEvents,
        end: endBuild,
        cancel: markCancelled,
      });
      set({ viewedTaskId: id });
      return id;
    },

    startTransfer: (kind, reference, onDone) =>
      run(
        newTransferTask(`${kind}-${++nextTask}`, kind, reference),
        (l) => api.subscribe(kind === 'pull' ? 'images:pull' : 'images:push', { reference }, l),
        { data: foldTransfer, end: endTransfer, cancel: markCancelled },
        onDone,
      ),

    startDeploy: (params, title, onDone) =>
      run(newDeployTask(`deploy-${++nextTask}`, title), (l) => api.subscribe('deploy:run', params, l), { data: foldDeployEvent, end: endDeploy, cancel: cancelDeploy }, onDone),

    startEngine: (candidateId, title) =>
      run(newEngineStartTask(`engine-start-${++nextTask}`, candidateId, title), (l) => api.subscribe('engine-setup:start', { candidateId }, l), {
        data: foldEngineStart,
        end: endEngineStart,
        cancel: cancelEngineStart,
      }),

    cancelTask: (id) => {
      const cancel = cancellers.get(id) ?? markCancelled;
      update(id, (t) => cancel(t));
    },

    dismissTask: (id) => {
      if (get().tasks[id]?.status === 'running') return;
      const tasks = { ...get().tasks };
      delete tasks[id];
      set({ tasks, taskOrder: get().taskOrder.filter((t) => t !== id), viewedTaskId: get().viewedTaskId === id ? null : get().viewedTaskId });
    },

    openBuildDialog: (taskId = null) => set({ buildDialogOpen: true, viewedTaskId: taskId }),
    closeBuildDialog: () => set({ buildDialogOpen: false }),
  };
};

/** The task type whose kinds include K (a pull and a push are both a TransferTask). */
export type TaskOf<K extends Task['kind'], T = Task> = T extends { kind: infer TK } ? (K extends TK ? T : never) : never;

/** The task, if it is of a kind the caller shows. */
export const taskOfKind = <K extends Task['kind']>(task: Task | undefined, ...kinds: K[]): TaskOf<K> | undefined =>
  task && (kinds as string[]).includes(task.kind) ? (task as TaskOf<K>) : undefined;
