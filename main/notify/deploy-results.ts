import type { DeployHistoryEntry } from '../../shared/api/deploy';
import type { CoreEvents } from '../lib/event-bus';
import type { DeployResult } from './notifier';

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

/** Every deploy ends with exactly one history entry, announced on the bus: passes on each worth telling. */
export function onDeployResult(events: CoreEvents, listener: (result: DeployResult) => void): () => void {
  return events.on('deploy:finished', (entry) => {
    const result = deployResultOf(entry);
    if (result) listener(result);
  });
}
