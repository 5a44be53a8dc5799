/**
 * Shows notifications through the OS and never fails silently. Where the OS has none
 * (`isSupported()` false) or refuses one — Electron 45 emits `failed` on macOS and Windows, e.g. an
 * unsigned macOS build the system will not let notify, or a Windows app id without a Start-menu
 * shortcut — the message goes to the fallback (the tray's title and tooltip, and for errors a
 * message box), so a tray action that failed is always answered.
 */
export interface NotificationLike {
  on(event: 'click' | 'close' | 'failed' | 'show', listener: (...args: unknown[]) => void): unknown;
  show(): void;
}

export interface NotificationOptions {
  title: string;
  body: string;
  silent?: boolean;
}

export interface NotificationBackend {
  isSupported(): boolean;
  create(options: NotificationOptions): NotificationLike;
}

export interface NotificationFallback {
  /** Something to tell (a container stopped, a deploy finished). */
  info(title: string, body: string, onClick?: () => void): void;
  /** A failure the user just caused and must hear about. */
  error(title: string, body: string): void;
}

export interface NotificationPresenter {
  show(options: NotificationOptions & { kind: 'info' | 'error'; onClick?: () => void }): void;
  /** Whether the OS refused a notification this session (later ones go straight to the fallback). */
  readonly refused: boolean;
}

// Electron drops a notification's handlers once the object is garbage-collected: keep them alive.
const KEEP_ALIVE_MS = 10 * 60_000;

export function createNotificationPresenter(backend: NotificationBackend, fallback: NotificationFallback): NotificationPresenter {
  const live = new Set<NotificationLike>();
  let refused = false;
  const toFallback = (options: NotificationOptions & { kind: 'info' | 'error'; onClick?: () => void }) =>
    options.kind === 'error' ? fallback.error(options.title, options.body) : fallback.info(options.title, options.body, options.onClick);

  return {
    get refused() {
      return refused;
    },
    show(options) {
      if (refused || !backend.isSupported()) return toFallback(options);
      const notification = backend.create({ title: options.title, body: options.body, silent: options.silent });
      live.add(notification);
      const forget = () => live.delete(notification);
      if (options.onClick) notification.on('click', options.onClick);
      notification.on('click', forget);
      notification.on('close', forget);
      notification.on('failed', () => {
        forget();
        refused = true;
        toFallback(options);
      });
      notification.show();
      setTimeout(forget, KEEP_ALIVE_MS).unref();
    },
  };
}
