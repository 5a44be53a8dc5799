import { describe, expect, it, vi } from 'vitest';

/** A bridge whose pushes the test sends by hand. */
const bridge = vi.hoisted(() => {
  const listeners = new Map<string, (payload: unknown) => void>();
  return {
    listeners,
    api: {
      invoke: vi.fn(async (channel: string) =>
        channel === 'engine:status' ? { ok: false, error: { code: 'ENGINE_UNAVAILABLE', message: 'test' } } : { ok: true, data: [] },
      ),
      on: vi.fn((channel: string, listener: (payload: unknown) => void) => {
        listeners.set(channel, listener);
        return () => listeners.delete(channel);
      }),
      subscribe: vi.fn(() => () => {}),
    },
  };
});
vi.mock('../../../renderer/src/bridge', () => ({ api: bridge.api, isDesktop: true }));

const { connectStore, useStore } = await import('../../../renderer/src/store');

describe('ui:navigate from the shell (tray "Show logs", "Deploy folder…", notification clicks)', () => {
  it('switches the view and focuses the container it names', () => {
    connectStore();
    const navigate = bridge.listeners.get('ui:navigate');
    expect(navigate).toBeDefined();
    navigate!({ view: 'containers', focusId: 'abc123' });
    expect(useStore.getState()).toMatchObject({ view: 'containers', focusId: 'abc123' });
    navigate!({ view: 'deploy' });
    expect(useStore.getState()).toMatchObject({ view: 'deploy', focusId: null });
  });
});
