import { describe, expect, it } from 'vitest';
import type { TransferProgress } from '../../../shared/api/registry';
import { endTransfer, foldTransfer, newTransferTask, transferFraction, transferText, transferView } from '../../../renderer/src/store/transfer-progress';
import { cancelTask, failTask } from '../../../renderer/src/store/task';

const snapshot = (percent: number, done = false): TransferProgress => ({
  kind: 'pull',
  reference: '127.0.0.1:5000/app:1',
  layers: [
    { id: 'aaa', phase: done ? 'complete' : 'downloading', status: 'Downloading', current: percent, total: 100, fraction: percent / 100 },
    { id: 'bbb', phase: 'complete', status: 'Pull complete', current: 10, total: 10, fraction: 1 },
  ],
  percent,
  bytesCurrent: percent,
  bytesTotal: 110,
  messages: [],
  done,
});

describe('the pull/push fold', () => {
  const start = () => newTransferTask('pull-1', 'pull', '127.0.0.1:5000/app:1', 1000);

  it('starts running, titled by its reference, contacting the registry', () => {
    const task = start();
    expect(task).toMatchObject({ kind: 'pull', title: '127.0.0.1:5000/app:1', status: 'running', progress: null, startedMs: 1000 });
    expect(transferText(task)).toBe('Contacting the registry…');
    expect(transferFraction(task)).toBe(0);
  });

  it('keeps the latest snapshot, and reads it as percent and finished layers', () => {
    const task = foldTransfer(foldTransfer(start(), snapshot(20)), snapshot(40));
    expect(task.progress?.percent).toBe(40);
    expect(transferText(task)).toBe('Pull 40 % · 1 of 2 layers');
    expect(transferFraction(task)).toBeCloseTo(0.4);
  });

  it('ends done when the stream ends, and ignores snapshots after it stopped', () => {
    const done = endTransfer(foldTransfer(start(), snapshot(100, true)), 2000);
    expect(done).toMatchObject({ status: 'done', endedMs: 2000 });
    expect(transferFraction(done)).toBe(1);
    expect(foldTransfer(done, snapshot(5))).toBe(done);
    const cancelled = cancelTask(start());
    expect(endTransfer(cancelled)).toBe(cancelled);
    expect(transferText(cancelled)).toBe('Pull cancelled');
  });

  it('a push reads as a push; a failed one keeps its error for the panel', () => {
    const failed = failTask(newTransferTask('push-1', 'push', 'reg/app:1'), { code: 'UNAUTHORIZED', message: 'Sign in first.' });
    expect(transferText(failed)).toBe('Push failed');
    expect(transferView(failed, 'push')).toEqual({ kind: 'push', status: 'failed', reference: 'reg/app:1', progress: null, error: { code: 'UNAUTHORIZED', message: 'Sign in first.' } });
    expect(transferView(undefined, 'pull')).toEqual({ kind: 'pull', status: 'idle', reference: '', progress: null, error: null });
  });
});
