import { test as base } from '@playwright/test';
import { startServedHost, stopServedHost, type ServedHost } from '../support/served-host';

export type ServedApp = ServedHost;

/** Starts `porthole serve` exactly as a user would (built CLI, port 0) with a fresh data folder. */
export const startServe = (extraEnv: NodeJS.ProcessEnv = {}): Promise<ServedApp> => startServedHost(extraEnv, 'porthole-e2e-data-');
export const stopServe = (app: ServedApp): Promise<void> => stopServedHost(app);

/** `served`: one browser host per test file (worker), shared by its tests. */
export const test = base.extend<object, { served: ServedApp }>({
  served: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const app = await startServe();
      await use(app);
      await stopServe(app);
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
