import { describe, expect, it } from 'vitest';
import { cancelEngineStart, endEngineStart, engineStartText, foldEngineStart, MAX_ENGINE_OUTPUT_LINES, newEngineStartTask } from '../../../renderer/src/store/engine-start-progress';
import { failTask } from '../../../renderer/src/store/task';

const start = () => newEngineStartTask('engine-start-1', 'podman-service', 'Start Podman', 1000);

describe('the engine start fold', () => {
  it('collects the output (bounded) and what it waits for', () => {
    let task = foldEngineStart(start(), { kind: 'waiting', message: 'Waiting for the socket…' });
    expect(engineStartText(task)).toBe('Waiting for the socket…');
    for (let i = 0; i < MAX_ENGINE_OUTPUT_LINES + 5; i++) task = foldEngineStart(task, { kind: 'output', line: `line ${i}` });
    expect(task.output).toHaveLength(MAX_ENGINE_OUTPUT_LINES);
    expect(task.output[0]).toBe('line 5');
  });

  it('is done once the engine answers, and stops waiting', () => {
    const task = foldEngineStart(foldEngineStart(start(), { kind: 'waiting', message: 'w' }), { kind: 'started', candidateId: 'podman-service', endpoint: 'unix:///run/podman.sock' }, 2000);
    expect(task).toMatchObject({ status: 'done', waiting: null, endedMs: 2000 });
    expect(engineStartText(task)).toBe('The engine answers');
    expect(endEngineStart(task)).toBe(task);
  });

  it('cancelling, or a stream that ends without the engine answering, leaves it cancelled; errors fail it', () => {
    expect(cancelEngineStart(foldEngineStart(start(), { kind: 'waiting', message: 'w' }))).toMatchObject({ status: 'cancelled', waiting: null });
    expect(endEngineStart(start()).status).toBe('cancelled');
    const failed = failTask(start(), { code: 'ENGINE_UNAVAILABLE', message: 'podman exited 125' });
    expect(failed.status).toBe('failed');
    expect(engineStartText(failed)).toBe('Could not start');
  });
});
