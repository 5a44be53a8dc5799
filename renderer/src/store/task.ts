import type { ApiError } from '../../../shared/errors';

export type TaskStatus = 'running' | 'done' | 'failed' | 'cancelled';
export type TaskKind = 'build' | 'pull' | 'push' | 'deploy' | 'engine-start';

/** What every long-running task has, whatever its kind; each kind adds its own progress fields. */
export interface TaskBase {
  id: string;
  kind: TaskKind;
  /** What the tasks indicator names it by (a tag, a reference, an app). */
  title: string;
  status: TaskStatus;
  error?: ApiError;
  startedMs: number;
  endedMs?: number;
}

export const baseTask = <K extends TaskKind>(id: string, kind: K, title: string, now = Date.now()) => ({ id, kind, title, status: 'running' as const, startedMs: now });

/** The stream ended with an error: the task fails with it (CANCELLED: is cancelled); a later error of the same code replaces the message. */
export function failTask<T extends TaskBase>(task: T, error: ApiError, now = Date.now()): T {
  if (task.status === 'failed' && task.error?.code === error.code) return { ...task, error };
  if (task.status !== 'running') return task;
  return { ...task, status: error.code === 'CANCELLED' ? 'cancelled' : 'failed', error, endedMs: now };
}

export function cancelTask<T extends TaskBase>(task: T, now = Date.now()): T {
  if (task.status !== 'running') return task;
  return { ...task, status: 'cancelled', endedMs: now };
}

export function finishTask<T extends TaskBase>(task: T, now = Date.now()): T {
  if (task.status !== 'running') return task;
  return { ...task, status: 'done', endedMs: now };
}
