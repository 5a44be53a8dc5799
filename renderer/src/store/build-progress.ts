import type { BuildEvent } from '../../../shared/api/images';
import { baseTask, failTask, type TaskBase } from './task';

/** One image build, as the tasks indicator and the build dialog show it. */
export interface BuildTask extends TaskBase {
  kind: 'build';
  tag: string;
  context: string;
  /** The step being run (1-based) and how many there are; 0 until the first step arrives. */
  step: number;
  totalSteps: number;
  instruction: string;
  /** The build's output as the docker CLI prints it, capped to its last MAX_OUTPUT_CHARS. */
  output: string;
  /** True once older output was dropped to respect the cap. */
  truncated: boolean;
  imageId?: string;
}

export const MAX_OUTPUT_CHARS = 200_000;

export function newBuildTask(id: string, tag: string, context: string, now = Date.now()): BuildTask {
  return { ...baseTask(id, 'build', tag, now), tag, context, step: 0, totalSteps: 0, instruction: '', output: '', truncated: false };
}

/** Keeps the tail of the output, cut at a line start so the first visible line is whole. */
function capOutput(text: string): { text: string; cut: boolean } {
  if (text.length <= MAX_OUTPUT_CHARS) return { text, cut: false };
  const tail = text.slice(text.length - MAX_OUTPUT_CHARS);
  const newline = tail.indexOf('\n');
  return { text: newline >= 0 && newline < 2000 ? tail.slice(newline + 1) : tail, cut: true };
}

/** Folds a batch of build events into the task: steps move the progress, output accumulates, done/failed end it. */
export function foldBuildEvents(task: BuildTask, events: BuildEvent[], now = Date.now()): BuildTask {
  if (task.status !== 'running') return task;
  let next = { ...task };
  let appended = '';
  for (const event of events) {
    switch (event.kind) {
      case 'step':
        next = { ...next, step: event.index, totalSteps: event.total, instruction: event.instruction };
        appended += `${lineBreakIfNeeded(next.output + appended)}Step ${event.index}/${event.total} : ${event.instruction}\n`;
        break;
      case 'output':
        // The engine sends the newline that ends a "Step i/n" line as its own message; the step line already has one.
        if (event.text === '\n' && (next.output + appended).endsWith(' : ' + next.instruction + '\n')) break;
        appended += stripAnsi(event.text);
        break;
      case 'done':
        next = { ...next, status: 'done', imageId: event.imageId, step: next.totalSteps || next.step, endedMs: now };
        break;
      case 'failed':
        next = { ...next, status: 'failed', error: { code: 'BUILD_FAILED', message: event.message }, endedMs: now };
        break;
    }
  }
  if (appended) {
    const capped = capOutput(next.output + appended);
    next = { ...next, output: capped.text, truncated: next.truncated || capped.cut };
  }
  return next;
}

// The classic builder colours a RUN step's stderr with ANSI escapes; the output panel shows plain text.
// eslint-disable-next-line no-control-regex
const stripAnsi = (text: string): string => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

const lineBreakIfNeeded = (text: string): string => (text === '' || text.endsWith('\n') ? '' : '\n');

/** A build stream that ends without a done or failed event is not a success. */
export const endBuild = (task: BuildTask, now = Date.now()): BuildTask =>
  failTask(task, { code: 'INTERNAL', message: 'The build ended without saying whether it worked.' }, now);

/** "Step 2 of 5" or "Starting…" for the indicator. */
export function progressText(task: BuildTask): string {
  if (task.status === 'done') return task.totalSteps > 0 ? `All ${task.totalSteps} steps done` : 'Done';
  if (task.status === 'failed') return task.totalSteps > 0 ? `Failed at step ${task.step} of ${task.totalSteps}` : 'Failed before the first step';
  if (task.status === 'cancelled') return task.totalSteps > 0 ? `Cancelled at step ${task.step} of ${task.totalSteps}` : 'Cancelled';
  return task.totalSteps > 0 ? `Step ${task.step} of ${task.totalSteps}` : 'Starting…';
}

/** 0..1 — a step counts as half done while it runs. */
export function progressFraction(task: BuildTask): number {
  if (task.status === 'done') return 1;
  if (task.totalSteps === 0) return 0;
  return Math.min(1, (task.step - 0.5) / task.totalSteps);
}
