/**
 * Development-only switches read from the environment. A packaged app ignores them: otherwise anyone
 * able to set an environment variable could make the app load (and trust as a sender, without the CSP)
 * any URL, or expose test hooks that drive the tray.
 */
export interface DevSwitchSource {
  isPackaged: boolean;
  env: NodeJS.ProcessEnv;
}

/** The Vite dev server URL in development; undefined in a packaged app or when it is not a loopback http(s) URL. */
export function devRendererUrl({ isPackaged, env }: DevSwitchSource): string | undefined {
  if (isPackaged) return undefined;
  const value = env.ELECTRON_RENDERER_URL;
  if (!value) return undefined;
  try {
    const url = new URL(value);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return (url.protocol === 'http:' || url.protocol === 'https:') && loopback ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Playwright's tray hooks: only in an unpackaged app started with PORTHOLE_TEST_HOOKS=1. */
export function testHooksEnabled({ isPackaged, env }: DevSwitchSource): boolean {
  return !isPackaged && env.PORTHOLE_TEST_HOOKS === '1';
}
