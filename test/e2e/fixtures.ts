import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';

export interface ServedApp {
  url: string;
  origin: string;
  token: string;
  process: ChildProcess;
}

/** Starts `porthole serve` exactly as a user would (built CLI, port 0) and reads the URL line it prints. */
export async function startServe(extraEnv: NodeJS.ProcessEnv = {}): Promise<ServedApp> {
  const child = spawn('node', ['out/main/cli.js', 'serve', '--port', '0'], {
    // Settings, history and profiles go to a fresh folder, never the user's own app-data folder.
    env: { ...process.env, PORTHOLE_DATA_DIR: mkdtempSync(join(tmpdir(), 'porthole-e2e-data-')), ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve printed no URL: ${out}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Open (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  const parsed = new URL(url);
  return { url, origin: parsed.origin, token: parsed.searchParams.get('token') ?? '', process: child };
}

export async function stopServe(app: ServedApp): Promise<void> {
  if (app.process.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    app.process.once('exit', () => resolve());
    app.process.kill('SIGTERM');
    setTimeout(() => app.process.kill('SIGKILL'), 3000).unref();
  });
}

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
