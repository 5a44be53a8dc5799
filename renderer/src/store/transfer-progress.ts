import type { ApiError } from '../../../shared/errors';
import type { TransferProgress } from '../../../shared/api/registry';
import { baseTask, finishTask, type TaskBase, type TaskStatus } from './task';

/** One image pull or push: the latest snapshot of its layers, as the engine reports them. */
export interface TransferTask extends TaskBase {
  kind: 'pull' | 'push';
  reference: string;
  progress: TransferProgress | null;
}

export function newTransferTask(id: string, kind: 'pull' | 'push', reference: string, now = Date.now()): TransferTask {
  return { ...baseTask(id, kind, reference, now), reference, progress: null };
}

/** Each message is a whole snapshot: the latest one replaces the last. */
export function foldTransfer(task: TransferTask, progress: TransferProgress): TransferTask {
  return task.status === 'running' ? { ...task, progress } : task;
}

/** A pull or push stream ends without an error only once the engine has finished it. */
export const endTransfer = (task: TransferTask, now = Date.now()): TransferTask => finishTask(task, now);

export type TransferStatus = 'idle' | TaskStatus;

/** What a pull or push panel shows, with 'idle' for one not started. */
export interface TransferView {
  kind: 'pull' | 'push';
  status: TransferStatus;
  reference: string;
  progress: TransferProgress | null;
  error: ApiError | null;
}

export function transferView(task: TransferTask | undefined, kind: 'pull' | 'push'): TransferView {
  if (!task) return { kind, status: 'idle', reference: '', progress: null, error: null };
  return { kind: task.kind, status: task.status, reference: task.reference, progress: task.progress, error: task.error ?? null };
}

/** 0..1 for the indicator's bar. */
export const transferFraction = (task: TransferTask): number => (task.status === 'done' ? 1 : (task.progress?.percent ?? 0) / 100);

/** "Pull 40 % · 2 of 5 layers" for the indicator. */
export function transferText(task: TransferTask): string {
  const verb = task.kind === 'pull' ? 'Pull' : 'Push';
  if (task.status === 'done') return `${verb} done`;
  if (task.status === 'failed') return `${verb} failed`;
  if (task.status === 'cancelled') return `${verb} cancelled`;
  const layers = task.progress?.layers ?? [];
  if (layers.length === 0) return 'Contacting the registry…';
  return `${verb} ${task.progress?.percent ?? 0} % · ${layers.filter((l) => l.fraction >= 1).length} of ${layers.length} layers`;
}
