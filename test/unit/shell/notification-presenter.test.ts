import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createNotificationPresenter, type NotificationFallback } from '../../../main/shell/notification-presenter';

/** Electron's Notification as documented for 45: an EventEmitter with show(); 'failed' (darwin, win32) carries the error string. */
class FakeNotification extends EventEmitter {
  shown = 0;
  constructor(readonly fail: string | null) {
    super();
  }
  show() {
    this.shown++;
    if (this.fail) queueMicrotask(() => this.emit('failed', {}, this.fail));
  }
}

function setup(opts: { supported?: boolean; fail?: string | null } = {}) {
  const created: FakeNotification[] = [];
  const fallbacks: string[] = [];
  const fallback: NotificationFallback = { info: (t) => fallbacks.push(`info:${t}`), error: (t) => fallbacks.push(`error:${t}`) };
  const presenter = createNotificationPresenter(
    {
      isSupported: () => opts.supported ?? true,
      create: () => {
        const n = new FakeNotification(opts.fail ?? null);
        created.push(n);
        return n;
      },
    },
    fallback,
  );
  return { presenter, created, fallbacks };
}

describe('notifications', () => {
  it('shows through the OS and runs the click action', () => {
    const { presenter, created, fallbacks } = setup();
    let clicked = 0;
    presenter.show({ kind: 'info', title: 'web exited', body: 'code 1', onClick: () => clicked++ });
    expect(created[0].shown).toBe(1);
    created[0].emit('click');
    expect(clicked).toBe(1);
    expect(fallbacks).toEqual([]);
  });

  it('a refused notification (unsigned macOS build) falls back, and later ones go straight there', async () => {
    const { presenter, created, fallbacks } = setup({ fail: 'Notifications are not allowed for this application' });
    presenter.show({ kind: 'error', title: 'Could not stop web', body: 'engine refused' });
    await new Promise((r) => setTimeout(r, 0));
    expect(fallbacks).toEqual(['error:Could not stop web']);
    expect(presenter.refused).toBe(true);
    presenter.show({ kind: 'info', title: 'deployed', body: 'ok' });
    expect(created).toHaveLength(1);
    expect(fallbacks).toEqual(['error:Could not stop web', 'info:deployed']);
  });

  it('where the OS has no notifications, an error is still told', () => {
    const { presenter, created, fallbacks } = setup({ supported: false });
    presenter.show({ kind: 'error', title: 'Could not run nginx', body: 'port taken' });
    expect(created).toHaveLength(0);
    expect(fallbacks).toEqual(['error:Could not run nginx']);
  });
});
