import type { ApiRouter } from '../api/router';
import type { TrayState } from './tray-state';

/** Stream channels that are "long work" for the tray icon: builds and anything the deploy feature streams. */
export const isBusyChannel = (channel: unknown): channel is string =>
  typeof channel === 'string' && (channel === 'images:build' || channel.startsWith('deploy:'));

const LABELS: Record<string, string> = { 'images:build': 'Building an image…' };
const labelFor = (channel: string): string => LABELS[channel] ?? (channel.startsWith('deploy:') ? 'Deploying…' : 'Working…');

/**
 * Marks the tray busy while a build or deploy stream is open, whichever window opened it: it wraps
 * the router's subscribe / unsubscribe / closeConnection (a stream ends with `end`, `error`, a
 * cancel, or its window going away).
 */
export function trackBusyStreams(router: ApiRouter, tray: Pick<TrayState, 'beginTask' | 'endTask'>): void {
  const open = new Map<string, string>();
  const key = (connectionId: string, id: string) => `${connectionId}\u0000${id}`;
  const end = (k: string) => {
    if (open.delete(k)) tray.endTask(k);
  };

  const subscribe = router.subscribe.bind(router);
  router.subscribe = (ctx, id, channel, params, sink) => {
    if (!isBusyChannel(channel) || typeof id !== 'string') return subscribe(ctx, id, channel, params, sink);
    const k = key(ctx.connectionId, id);
    const alreadyOpen = open.has(k);
    if (!alreadyOpen) {
      open.set(k, ctx.connectionId);
      tray.beginTask(k, labelFor(channel));
    }
    subscribe(ctx, id, channel, params, (message) => {
      if ((message.kind === 'end' || message.kind === 'error') && !alreadyOpen) end(k);
      sink(message);
    });
  };

  const unsubscribe = router.unsubscribe.bind(router);
  router.unsubscribe = (ctx, id) => {
    end(key(ctx.connectionId, id));
    unsubscribe(ctx, id);
  };

  const closeConnection = router.closeConnection.bind(router);
  router.closeConnection = (connectionId) => {
    for (const [k, conn] of [...open]) if (conn === connectionId) end(k);
    closeConnection(connectionId);
  };
}
