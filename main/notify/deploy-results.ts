import { EventEmitter } from 'node:events';
import type { DeployHistoryEntry } from '../../shared/api/deploy';
import type { DeployHistory } from '../deploy/history';
import type { DeployResult } from './notifier';

const hub = new EventEmitter<{ result: [DeployResult] }>();

/**
 * Where finished or failed deploys are announced. Plain Node and safe with nobody listening (CLI,
 * browser host); the Electron shell subscribes its notifier. `watchDeployHistory` feeds it from the
 * deploy feature's history, so any other source can also call `publishDeployResult` directly.
 */
export function publishDeployResult(result: DeployResult): void {
  hub.emit('result', result);
}

export function onDeployResult(listener: (result: DeployResult) => void): () => void {
  hub.on('result', listener);
  return () => hub.off('result', listener);
}

/** A history entry as a notification-worthy result; a deploy the user cancelled is not news. */
export function deployResultOf(entry: DeployHistoryEntry): DeployResult | null {
  if (entry.result === 'cancelled') return null;
  return {
    name: entry.app,
    ok: entry.result === 'succeeded',
    message: entry.message,
    url: entry.url ?? undefined,
    containerId: entry.container ?? undefined,
  };
}

/** Every deploy ends with exactly one history entry (pipeline.ts): announce each as it is recorded. */
export function watchDeployHistory(history: Pick<DeployHistory, 'add'>): void {
  const add = history.add.bind(history);
  history.add = (entry) => {
    const result = deployResultOf(entry);
    if (result) publishDeployResult(result);
    return add(entry);
  };
}
