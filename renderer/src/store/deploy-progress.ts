import { DEPLOY_STAGES, type DeployStage } from '../../../shared/deploy-stages';
import type { DeployEvent, DeployResult } from '../../../shared/api/deploy';
import type { TransferProgress } from '../../../shared/api/registry';
import type { ComposeDeployResult } from '../../../shared/api/deploy-compose';
import { baseTask, finishTask, type TaskBase } from './task';

export interface StageState {
  state: 'waiting' | 'running' | 'done' | 'failed' | 'skipped';
  startedMs?: number;
  elapsedMs?: number;
  message?: string;
}

/** One deploy of an app folder (or compose project): its stages, build output, base-image pulls and result. */
export interface DeployTask extends TaskBase {
  kind: 'deploy';
  stages: Record<DeployStage, StageState>;
  /** Build and compose output lines, newest last (the last MAX_DEPLOY_OUTPUT_LINES). */
  output: string[];
  /** The latest snapshot of each base image pulled before the build, in the order they started. */
  pulls: TransferProgress[];
  result: DeployResult | null;
  composeResult: ComposeDeployResult | null;
}

export const MAX_DEPLOY_OUTPUT_LINES = 400;

export const freshStages = (): Record<DeployStage, StageState> => Object.fromEntries(DEPLOY_STAGES.map((s) => [s, { state: 'waiting' }])) as Record<DeployStage, StageState>;

export function newDeployTask(id: string, title: string, now = Date.now()): DeployTask {
  return { ...baseTask(id, 'deploy', title, now), stages: freshStages(), output: [], pulls: [], result: null, composeResult: null };
}

const buildLines = (e: Extract<DeployEvent, { kind: 'build' }>): string[] =>
  e.events.flatMap((b) => (b.kind === 'step' ? [`Step ${b.index}/${b.total}: ${b.instruction}`] : b.kind === 'output' ? b.text.split('\n').filter((l) => l.trim()) : b.kind === 'failed' ? [b.message] : []));

/** Folds one deploy event; the task stays running until its stream ends (the history is written after `done`). */
export function foldDeployEvent(task: DeployTask, e: DeployEvent, now = Date.now()): DeployTask {
  if (task.status !== 'running') return task;
  switch (e.kind) {
    case 'stage': {
      const prev = task.stages[e.stage];
      const stage: StageState = { state: e.state, startedMs: e.state === 'running' ? now : prev.startedMs, elapsedMs: e.elapsedMs, message: e.message };
      return { ...task, stages: { ...task.stages, [e.stage]: stage } };
    }
    case 'build':
      return { ...task, output: [...task.output, ...buildLines(e)].slice(-MAX_DEPLOY_OUTPUT_LINES) };
    case 'log':
      return { ...task, output: [...task.output, e.text].slice(-MAX_DEPLOY_OUTPUT_LINES) };
    case 'pull': {
      const known = task.pulls.some((p) => p.reference === e.progress.reference);
      return { ...task, pulls: known ? task.pulls.map((p) => (p.reference === e.progress.reference ? e.progress : p)) : [...task.pulls, e.progress] };
    }
    case 'done':
      return { ...task, result: e.result };
    case 'compose-done':
      return { ...task, composeResult: e.result };
  }
}

export const endDeploy = (task: DeployTask, now = Date.now()): DeployTask => finishTask(task, now);

/** Cancelling marks the stage that was running as failed, so the list shows where it stopped. */
export function cancelDeploy(task: DeployTask, now = Date.now()): DeployTask {
  if (task.status !== 'running') return task;
  const running = DEPLOY_STAGES.find((s) => task.stages[s].state === 'running');
  const stages = running ? { ...task.stages, [running]: { ...task.stages[running], state: 'failed' as const, message: 'Cancelled.' } } : task.stages;
  return { ...task, status: 'cancelled', endedMs: now, stages, error: { code: 'CANCELLED', message: 'The deploy was cancelled.' } };
}

/** "Build the image · 3 of 7" for the indicator. */
export function deployText(task: DeployTask): string {
  if (task.status === 'done') return 'Deployed';
  if (task.status === 'failed') return 'Deploy failed';
  if (task.status === 'cancelled') return 'Deploy cancelled';
  const index = DEPLOY_STAGES.findIndex((s) => task.stages[s].state === 'running');
  return index < 0 ? 'Starting…' : `Stage ${index + 1} of ${DEPLOY_STAGES.length}: ${DEPLOY_STAGES[index]}`;
}

/** 0..1: finished stages (done or skipped) over all of them. */
export function deployFraction(task: DeployTask): number {
  if (task.status === 'done') return 1;
  return DEPLOY_STAGES.filter((s) => task.stages[s].state === 'done' || task.stages[s].state === 'skipped').length / DEPLOY_STAGES.length;
}
