import { Notification } from 'electron';
import type { NotificationSpec } from '../notify/notifier';
import type { TrayAction } from '../tray/menu-model';

// Electron drops a notification's click handler once the object is garbage-collected: keep them alive.
const live = new Set<Notification>();

/** Shows a notification; clicking it performs its action. Silently nothing where the OS has none. */
export function showNotification(spec: NotificationSpec, dispatch: (action: TrayAction) => void): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title: spec.title, body: spec.body, silent: spec.kind !== 'containerExit' });
  live.add(notification);
  const forget = () => live.delete(notification);
  const action = spec.action;
  if (action) notification.on('click', () => dispatch(action));
  notification.on('close', forget);
  notification.on('click', forget);
  notification.show();
  setTimeout(forget, 10 * 60_000).unref();
}

/** A failure from a tray action: always shown (it answers something the user just did). */
export function showErrorNotification(title: string, body: string): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title, body });
  live.add(notification);
  notification.on('close', () => live.delete(notification));
  notification.show();
  setTimeout(() => live.delete(notification), 10 * 60_000).unref();
}
