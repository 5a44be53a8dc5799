import type { EngineStartEvent } from '../../../shared/api/engine-setup';
import { baseTask, finishTask, type TaskBase } from './task';

/** Starting one installed engine (first run): the program's output and what it waits for. */
export interface EngineStartTask extends TaskBase {
  kind: 'engine-start';
  candidateId: string;
  /** The program's own output, newest last (the last MAX_ENGINE_OUTPUT_LINES). */
  output: string[];
  waiting: string | null;
}

export const MAX_ENGINE_OUTPUT_LINES = 200;

export function newEngineStartTask(id: string, candidateId: string, title: string, now = Date.now()): EngineStartTask {
  return { ...baseTask(id, 'engine-start', title, now), candidateId, output: [], waiting: null };
}

/** Output accumulates, `waiting` says what for, `started` ends the task: the engine answers. */
export function foldEngineStart(task: EngineStartTask, event: EngineStartEvent, now = Date.now()): EngineStartTask {
  if (task.status !== 'running') return task;
  if (event.kind === 'output') return { ...task, output: [...task.output, event.line].slice(-MAX_ENGINE_OUTPUT_LINES) };
  if (event.kind === 'waiting') return { ...task, waiting: event.message };
  return { ...finishTask(task, now), waiting: null };
}

/** The stream ends after `started`; an end without it leaves nothing running, which is what cancelled means. */
export function endEngineStart(task: EngineStartTask, now = Date.now()): EngineStartTask {
  if (task.status !== 'running') return task;
  return { ...task, status: 'cancelled', waiting: null, endedMs: now };
}

export function cancelEngineStart(task: EngineStartTask, now = Date.now()): EngineStartTask {
  if (task.status !== 'running') return task;
  return { ...task, status: 'cancelled', waiting: null, endedMs: now };
}

export const engineStartText = (task: EngineStartTask): string =>
  task.status === 'running' ? (task.waiting ?? 'Starting…') : task.status === 'done' ? 'The engine answers' : task.status === 'failed' ? 'Could not start' : 'Cancelled';
