import type { StateCreator } from 'zustand';
import { api } from '../bridge';
import type { BuildParams } from '../../../shared/api/images';
import { cancelTask, failTask, foldBuildEvents, newBuildTask, type BuildTask } from './build-progress';
import type { StoreState } from './index';

export interface TasksSlice {
  /** Long-running work (image builds) by id, newest last; survives closing the dialog that started it. */
  tasks: Record<string, BuildTask>;
  taskOrder: string[];
  /** The build the build dialog shows (null: the dialog shows its form, or is closed). */
  viewedTaskId: string | null;
  buildDialogOpen: boolean;
  startBuild: (params: BuildParams) => string;
  cancelBuild: (id: string) => void;
  dismissTask: (id: string) => void;
  openBuildDialog: (taskId?: string | null) => void;
  closeBuildDialog: () => void;
}

/** Unsubscribe functions live outside the state: they are not data and must not be copied. */
const closers = new Map<string, () => void>();
let nextTask = 0;
const MAX_FINISHED_TASKS = 10;

export const createTasksSlice: StateCreator<StoreState, [], [], TasksSlice> = (set, get) => {
  const update = (id: string, change: (task: BuildTask) => BuildTask) => {
    const task = get().tasks[id];
    if (!task) return;
    const next = change(task);
    if (next !== task) set({ tasks: { ...get().tasks, [id]: next } });
    if (next.status !== 'running' && task.status === 'running') {
      closers.delete(id);
      announce(next);
    }
  };

  const announce = (task: BuildTask) => {
    const toast = get().toast;
    if (task.status === 'done') toast({ tone: 'success', title: `Built ${task.tag}`, body: 'The image is in the list; run it from there.' });
    else if (task.status === 'failed') toast({ tone: 'error', title: `Build of ${task.tag} failed`, body: task.error?.message });
  };

  const prune = (order: string[], tasks: Record<string, BuildTask>) => {
    const finished = order.filter((id) => tasks[id]?.status !== 'running');
    const drop = new Set(finished.slice(0, Math.max(0, finished.length - MAX_FINISHED_TASKS)));
    if (drop.size === 0) return { order, tasks };
    const kept = Object.fromEntries(Object.entries(tasks).filter(([id]) => !drop.has(id)));
    return { order: order.filter((id) => !drop.has(id)), tasks: kept };
  };

  return {
    tasks: {},
    taskOrder: [],
    viewedTaskId: null,
    buildDialogOpen: false,

    startBuild: (params) => {
      const id = `build-${++nextTask}`;
      const { order, tasks } = prune([...get().taskOrder, id], { ...get().tasks, [id]: newBuildTask(id, params.tag, params.context) });
      set({ tasks, taskOrder: order, viewedTaskId: id });
      const close = api.subscribe('images:build', params, (message) => {
        if (message.kind === 'data') update(id, (t) => foldBuildEvents(t, message.data));
        else if (message.kind === 'error') update(id, (t) => failTask(t, message.error));
        else update(id, (t) => (t.status === 'running' ? failTask(t, { code: 'INTERNAL', message: 'The build ended without saying whether it worked.' }) : t));
      });
      if (get().tasks[id]?.status === 'running') closers.set(id, close);
      return id;
    },

    cancelBuild: (id) => {
      closers.get(id)?.();
      closers.delete(id);
      update(id, (t) => cancelTask(t));
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
