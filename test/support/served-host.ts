import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A `porthole serve` process, started as a user would start it. */
export interface ServedHost {
  url: string;
  origin: string;
  port: number;
  token: string;
  process: ChildProcess;
  /** ms from spawn to the printed URL line. */
  readyMs: number;
  /** Everything the process printed on stdout up to its URL line. */
  printed: string;
}

const ROOT = join(__dirname, '..', '..');

/**
 * Starts the built browser host (`out/main/cli.js serve --port 0`, what `npm run serve` runs) with a
 * fresh data folder, never the user's, and resolves once it prints its URL. Shared by e2e and bench.
 */
export async function startServedHost(extraEnv: NodeJS.ProcessEnv = {}, dataPrefix = 'porthole-served-', launcher: string[] = [], serveArgs: string[] = []): Promise<ServedHost> {
  const t0 = performance.now();
  // `launcher`: words run before node (e.g. `unshare -m … env PATH=…`), for hosts started in a namespace of their own.
  const argv = [...launcher, process.execPath, join(ROOT, 'out/main/cli.js'), 'serve', '--port', '0', ...serveArgs];
  const env: NodeJS.ProcessEnv = { ...process.env, PORTHOLE_DATA_DIR: mkdtempSync(join(tmpdir(), dataPrefix)), ...extraEnv };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const child = spawn(argv[0], argv.slice(1), {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL: ${printed}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const m = /Open (http:\/\/\S+)/.exec(printed);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${printed}`));
    });
  });
  const parsed = new URL(url);
  return { url, origin: parsed.origin, port: Number(parsed.port), token: parsed.searchParams.get('token') ?? '', process: child, readyMs: performance.now() - t0, printed };
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
export async function stopServedHost(host: Pick<ServedHost, 'process'>, graceMs = 3000): Promise<void> {
  const child = host.process;
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
  });
}
