import { vi } from 'vitest';

/** What the engine answers while the renderer tests run without one. */
export const ENGINE_UNAVAILABLE = { ok: false, error: { code: 'ENGINE_UNAVAILABLE', message: 'test' } } as const;

/** By default: no engine, and an empty list (ok) for every other channel. */
const emptyUnlessStatus = (channel: string): Promise<unknown> => Promise.resolve(channel === 'engine:status' ? ENGINE_UNAVAILABLE : { ok: true, data: [] });

/**
 * A stand-in for the preload bridge (renderer/src/bridge) in renderer unit tests: `invoke` answers with `answer`,
 * and the test sends the main process's pushes by hand with `push`. Mock the bridge with `api` from inside
 * `vi.hoisted`, since vi.mock runs before the test file's imports:
 *   const bridge = await vi.hoisted(async () => (await import('./fake-bridge')).fakeBridge());
 */
export function fakeBridge(answer: (channel: string) => Promise<unknown> = emptyUnlessStatus) {
  const listeners = new Map<string, (payload: unknown) => void>();
  return {
    push(channel: string, payload: unknown): void {
      const listener = listeners.get(channel);
      if (!listener) throw new Error(`nothing listens on ${channel}`);
      listener(payload);
    },
    api: {
      invoke: vi.fn(answer),
      on: vi.fn((channel: string, listener: (payload: unknown) => void) => {
        listeners.set(channel, listener);
        return () => listeners.delete(channel);
      }),
      subscribe: vi.fn(() => () => {}),
    },
  };
}
