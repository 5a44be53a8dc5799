import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface ServeProcess {
  child: ChildProcess;
  port: number;
  token: string;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  alive(): boolean;
  stop(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..');

/**
 * Runs `porthole serve --port 0` from source as its own process (tsx), so a test can see whether a
 * request ends the process — which an in-process server cannot show.
 */
export async function startServeProcess(env: NodeJS.ProcessEnv = {}, timeoutMs = 30_000): Promise<ServeProcess> {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'main', 'cli', 'index.ts'), 'serve', '--port', '0'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  let exited = false;
  child.on('exit', () => (exited = true));
  const url = await new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`porthole serve did not start: ${err}`)), timeoutMs);
    const check = () => {
      const m = /Open (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(new URL(m[1]));
      } else if (exited) {
        clearTimeout(timer);
        reject(new Error(`porthole serve exited: ${err}`));
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', check);
  });
  return {
    child,
    port: Number(url.port),
    token: url.searchParams.get('token') ?? '',
    stderr: () => err,
    alive: () => !exited && child.exitCode === null,
    stop: async () => {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 5000);
      await gone;
      clearTimeout(timer);
    },
  };
}
