import { describe, expect, it } from 'vitest';
import { endBuild, foldBuildEvents, MAX_OUTPUT_CHARS, newBuildTask, progressFraction, progressText } from '../../../renderer/src/store/build-progress';
import { cancelTask, failTask } from '../../../renderer/src/store/task';

const start = () => newBuildTask('b1', 'greeting-app', '/src/app', 1000);

describe('folding build events into a task', () => {
  it('moves the step counter and writes step lines into the output as the docker CLI prints them', () => {
    let task = foldBuildEvents(start(), [
      { kind: 'step', index: 1, total: 3, instruction: 'FROM scratch' },
      { kind: 'output', text: '\n' },
      { kind: 'output', text: ' ---> Using cache\n' },
      { kind: 'step', index: 2, total: 3, instruction: 'COPY busybox /bin/busybox' },
    ]);
    expect(task.step).toBe(2);
    expect(task.totalSteps).toBe(3);
    expect(task.instruction).toBe('COPY busybox /bin/busybox');
    expect(task.output).toBe('Step 1/3 : FROM scratch\n ---> Using cache\nStep 2/3 : COPY busybox /bin/busybox\n');
    expect(progressText(task)).toBe('Step 2 of 3');
    expect(progressFraction(task)).toBeCloseTo(1.5 / 3);

    task = foldBuildEvents(task, [{ kind: 'output', text: 'partial' }, { kind: 'step', index: 3, total: 3, instruction: 'CMD ["x"]' }]);
    expect(task.output.endsWith('partial\nStep 3/3 : CMD ["x"]\n')).toBe(true);
  });

  it('ends in done with the image id, at full progress', () => {
    const task = foldBuildEvents(start(), [
      { kind: 'step', index: 1, total: 1, instruction: 'FROM scratch' },
      { kind: 'done', imageId: 'sha256:abc', tag: 'greeting-app' },
    ], 5000);
    expect(task.status).toBe('done');
    expect(task.imageId).toBe('sha256:abc');
    expect(task.endedMs).toBe(5000);
    expect(progressFraction(task)).toBe(1);
    expect(progressText(task)).toBe('All 1 steps done');
  });

  it('ends in failed with a BUILD_FAILED error carrying the engine message, and ignores anything after', () => {
    const failed = foldBuildEvents(start(), [
      { kind: 'step', index: 2, total: 5, instruction: 'RUN make' },
      { kind: 'output', text: 'make: *** [all] Error 2\n' },
      { kind: 'failed', message: "The command '/bin/sh -c make' returned a non-zero code: 2" },
    ]);
    expect(failed.status).toBe('failed');
    expect(failed.error).toEqual({ code: 'BUILD_FAILED', message: "The command '/bin/sh -c make' returned a non-zero code: 2" });
    expect(failed.output).toContain('Error 2');
    expect(progressText(failed)).toBe('Failed at step 2 of 5');
    expect(foldBuildEvents(failed, [{ kind: 'output', text: 'late' }])).toBe(failed);
    // The stream's closing error adds the detail (output tail) without changing the outcome.
    const withDetail = failTask(failed, { code: 'BUILD_FAILED', message: 'same', detail: { output: 'tail' } });
    expect(withDetail.status).toBe('failed');
    expect(withDetail.error?.detail).toEqual({ output: 'tail' });
  });

  it('turns a stream error into a failure in words, and CANCELLED into cancelled', () => {
    expect(failTask(start(), { code: 'VALIDATION', message: 'There is no Dockerfile in /src/app.' }).status).toBe('failed');
    expect(failTask(start(), { code: 'CANCELLED', message: 'x' }).status).toBe('cancelled');
    const cancelled = cancelTask(start(), 2000);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.endedMs).toBe(2000);
    expect(cancelTask(cancelled)).toBe(cancelled);
  });

  it('a stream that ends without done or failed is a failure, not a success; after done the end changes nothing', () => {
    expect(endBuild(start(), 3000)).toMatchObject({ status: 'failed', endedMs: 3000, error: { code: 'INTERNAL' } });
    const done = foldBuildEvents(start(), [{ kind: 'done', imageId: 'sha256:1', tag: 'greeting-app' }]);
    expect(endBuild(done)).toBe(done);
  });

  it('drops the ANSI colour codes the classic builder puts around stderr', () => {
    const task = foldBuildEvents(start(), [{ kind: 'output', text: '\u001b[91merror: missing file\n\u001b[0mRemoving intermediate container 1\n' }]);
    expect(task.output).toBe('error: missing file\nRemoving intermediate container 1\n');
  });

  it('caps the output to its tail, starting at a whole line, and says it did', () => {
    const line = 'x'.repeat(99) + '\n';
    let task = start();
    for (let i = 0; i < 30; i++) task = foldBuildEvents(task, [{ kind: 'output', text: line.repeat(100) }]);
    expect(task.output.length).toBeLessThanOrEqual(MAX_OUTPUT_CHARS);
    expect(task.output.length).toBeGreaterThan(MAX_OUTPUT_CHARS - 2000);
    expect(task.output.startsWith('x'.repeat(99) + '\n')).toBe(true);
    expect(task.truncated).toBe(true);
  });
});
