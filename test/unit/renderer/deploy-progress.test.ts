import { describe, expect, it } from 'vitest';
import type { DeployResult } from '../../../shared/api/deploy';
import type { TransferProgress } from '../../../shared/api/registry';
import { cancelDeploy, deployFraction, deployText, endDeploy, foldDeployEvent, MAX_DEPLOY_OUTPUT_LINES, newDeployTask, type DeployTask } from '../../../renderer/src/store/deploy-progress';
import type { DeployEvent } from '../../../shared/api/deploy';

const start = () => newDeployTask('deploy-1', 'my-api', 1000);
const fold = (task: DeployTask, ...events: DeployEvent[]) => events.reduce((t, e) => foldDeployEvent(t, e, 5000), task);
const pull = (reference: string, percent: number): TransferProgress => ({ kind: 'pull', reference, layers: [], percent, bytesCurrent: 0, bytesTotal: 0, messages: [], done: percent === 100 });
const result: DeployResult = { url: 'http://127.0.0.1:8080', container: 'my-api', containerId: 'c1', image: 'porthole/my-api', imageId: 'sha256:1', hostPort: 8080, portMoved: false, replaced: null };

describe('the deploy fold', () => {
  it('starts with every stage waiting', () => {
    const task = start();
    expect(task).toMatchObject({ kind: 'deploy', title: 'my-api', status: 'running', output: [], pulls: [], result: null });
    expect(Object.values(task.stages).every((s) => s.state === 'waiting')).toBe(true);
    expect(deployText(task)).toBe('Starting…');
    expect(deployFraction(task)).toBe(0);
  });

  it('moves stages, timing a running one from when it started', () => {
    const task = fold(start(), { kind: 'stage', stage: 'plan', state: 'done', atMs: 1, elapsedMs: 12 }, { kind: 'stage', stage: 'dockerfile', state: 'running', atMs: 2 });
    expect(task.stages.plan).toEqual({ state: 'done', startedMs: undefined, elapsedMs: 12, message: undefined });
    expect(task.stages.dockerfile).toMatchObject({ state: 'running', startedMs: 5000 });
    expect(deployText(task)).toBe('Stage 2 of 7: dockerfile');
    expect(deployFraction(task)).toBeCloseTo(1 / 7);
  });

  it('turns build events into output lines, keeps the last lines only, and appends logs', () => {
    let task = fold(start(), { kind: 'build', events: [{ kind: 'step', index: 1, total: 2, instruction: 'FROM node' }, { kind: 'output', text: 'a\n\nb\n' }, { kind: 'failed', message: 'boom' }] });
    expect(task.output).toEqual(['Step 1/2: FROM node', 'a', 'b', 'boom']);
    for (let i = 0; i < MAX_DEPLOY_OUTPUT_LINES; i++) task = fold(task, { kind: 'log', text: `line ${i}` });
    expect(task.output).toHaveLength(MAX_DEPLOY_OUTPUT_LINES);
    expect(task.output.at(-1)).toBe(`line ${MAX_DEPLOY_OUTPUT_LINES - 1}`);
  });

  it('keeps one snapshot per base image, in the order they started', () => {
    const task = fold(start(), { kind: 'pull', progress: pull('node:20', 10) }, { kind: 'pull', progress: pull('nginx:1', 5) }, { kind: 'pull', progress: pull('node:20', 100) });
    expect(task.pulls.map((p) => [p.reference, p.percent])).toEqual([
      ['node:20', 100],
      ['nginx:1', 5],
    ]);
  });

  it('holds the result from done and finishes when the stream ends (the history is written in between)', () => {
    const withResult = fold(start(), { kind: 'done', result });
    expect(withResult.status).toBe('running');
    expect(withResult.result).toEqual(result);
    const done = endDeploy(withResult, 6000);
    expect(done).toMatchObject({ status: 'done', endedMs: 6000 });
    expect(deployText(done)).toBe('Deployed');
    expect(deployFraction(done)).toBe(1);
    expect(fold(done, { kind: 'log', text: 'late' })).toBe(done);
  });

  it('cancelling marks the running stage failed with "Cancelled." and says so in the error', () => {
    const cancelled = cancelDeploy(fold(start(), { kind: 'stage', stage: 'build', state: 'running', atMs: 1 }), 7000);
    expect(cancelled).toMatchObject({ status: 'cancelled', endedMs: 7000, error: { code: 'CANCELLED' } });
    expect(cancelled.stages.build).toMatchObject({ state: 'failed', message: 'Cancelled.' });
    expect(cancelDeploy(cancelled)).toBe(cancelled);
    expect(deployText(cancelled)).toBe('Deploy cancelled');
  });
});
