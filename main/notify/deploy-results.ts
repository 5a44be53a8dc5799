import { EventEmitter } from 'node:events';
import type { DeployResult } from './notifier';

/**
 * Where the deploy feature reports a finished or failed deploy: `publishDeployResult(result)`. Plain
 * Node and safe to call with nobody listening (CLI, browser host); the Electron shell subscribes its
 * notifier to it.
 */
const hub = new EventEmitter<{ result: [DeployResult] }>();

export function publishDeployResult(result: DeployResult): void {
  hub.emit('result', result);
}

export function onDeployResult(listener: (result: DeployResult) => void): () => void {
  hub.on('result', listener);
  return () => hub.off('result', listener);
}
