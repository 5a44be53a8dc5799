import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../renderer/src/bridge', async () => ({ api: (await import('./fake-bridge')).fakeBridge.api, isDesktop: true }));
const { fakeBridge } = await import('./fake-bridge');
const { connectStore, useStore } = await import('../../../renderer/src/store');

describe('ui:navigate from the shell (tray "Show logs", "Deploy folder…", notification clicks)', () => {
  it('switches the view and focuses the container it names', () => {
    connectStore();
    expect(useStore.getState().view).not.toBe('containers');
    fakeBridge.push('ui:navigate', { view: 'containers', focusId: 'abc123' });
    expect(useStore.getState()).toMatchObject({ view: 'containers', focusId: 'abc123' });
    fakeBridge.push('ui:navigate', { view: 'deploy' });
    expect(useStore.getState()).toMatchObject({ view: 'deploy', focusId: null });
  });
});
