import { BrowserWindow, dialog, Notification } from 'electron';
import type { NotificationSpec } from '../notify/notifier';
import type { TrayAction } from '../tray/menu-model';
import { createNotificationPresenter, type NotificationFallback, type NotificationPresenter } from './notification-presenter';

/** Electron's Notification behind the presenter; the fallback is the tray's own text, and a message box for errors. */
export function createShellNotifications(flashTray: (title: string, body: string) => void): {
  presenter: NotificationPresenter;
  show: (spec: NotificationSpec, dispatch: (action: TrayAction) => void) => void;
  showError: (title: string, body: string) => void;
} {
  const fallback: NotificationFallback = {
    info: (title, body) => flashTray(title, body),
    error: (title, body) => {
      flashTray(title, body);
      const options = { type: 'warning' as const, title: 'Porthole', message: title, detail: body, buttons: ['OK'] };
      const parent = BrowserWindow.getAllWindows().find((w) => !w.isDestroyed() && w.isVisible());
      void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
    },
  };
  const presenter = createNotificationPresenter({ isSupported: () => Notification.isSupported(), create: (options) => new Notification(options) }, fallback);
  return {
    presenter,
    show: (spec, dispatch) => {
      const action = spec.action;
      presenter.show({ kind: 'info', title: spec.title, body: spec.body, silent: spec.kind !== 'containerExit', onClick: action ? () => dispatch(action) : undefined });
    },
    // A failure from a tray action: always shown (it answers something the user just did).
    showError: (title, body) => presenter.show({ kind: 'error', title, body }),
  };
}
