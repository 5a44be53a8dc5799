import { describe, expect, it, vi } from 'vitest';

/** A bridge whose pushes the test sends by hand. */
const bridge = await vi.hoisted(async () => (await import('./fake-bridge')).fakeBridge());
vi.mock('../../../renderer/src/bridge', () => ({ api: bridge.api, isDesktop: true }));

const { connectStore, useStore } = await import('../../../renderer/src/store');

describe('ui:navigate from the shell (tray "Show logs", "Deploy folder…", notification clicks)', () => {
  it('switches the view and focuses the container it names', () => {
    connectStore();
    // push throws when the store did not listen on ui:navigate.
    bridge.push('ui:navigate', { view: 'containers', focusId: 'abc123' });
    expect(useStore.getState()).toMatchObject({ view: 'containers', focusId: 'abc123' });
    bridge.push('ui:navigate', { view: 'deploy' });
    expect(useStore.getState()).toMatchObject({ view: 'deploy', focusId: null });
  });
});
