import type { CoreEvents } from '../lib/event-bus';
import type { TrayState } from './tray-state';

/**
 * Marks the tray busy while long work runs (builds, pulls, pushes, deploys), whichever window or
 * client started it: the services announce each task's start and end on the core's bus.
 */
export function trackBusyTasks(events: CoreEvents, tray: Pick<TrayState, 'beginTask' | 'endTask'>): () => void {
  const offBegan = events.on('task:began', ({ id, label }) => tray.beginTask(id, label));
  const offEnded = events.on('task:ended', ({ id }) => tray.endTask(id));
  return () => {
    offBegan();
    offEnded();
  };
}
