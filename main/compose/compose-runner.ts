import { spawn } from 'node:child_process';
import { PortholeError } from '../../shared/errors';

export interface RunOptions {
  command: string[];
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  onOutput: (text: string) => void;
}

const KILL_GRACE_MS = 3_000;

/**
 * Spawns compose with an argument array (never a shell), in its own process group so that cancelling
 * stops compose and anything it started; stdout and stderr are streamed as they come.
 */
export function runCompose(o: RunOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    if (o.signal.aborted) return reject(new PortholeError('CANCELLED', 'Cancelled.'));
    const child = spawn(o.command[0], [...o.command.slice(1), ...o.args], { cwd: o.cwd, env: o.env, detached: process.platform !== 'win32', stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let killTimer: NodeJS.Timeout | null = null;
    const killGroup = (sig: NodeJS.Signals) => {
      try {
        if (child.pid && process.platform !== 'win32') process.kill(-child.pid, sig);
        else child.kill(sig);
      } catch {
        // already gone
      }
    };
    const onAbort = () => {
      killGroup('SIGTERM');
      killTimer = setTimeout(() => killGroup('SIGKILL'), KILL_GRACE_MS);
    };
    o.signal.addEventListener('abort', onAbort, { once: true });
    child.stdout.setEncoding('utf8').on('data', o.onOutput);
    child.stderr.setEncoding('utf8').on('data', o.onOutput);
    child.on('error', (error: NodeJS.ErrnoException) => {
      o.signal.removeEventListener('abort', onAbort);
      reject(error.code === 'ENOENT' ? new PortholeError('NOT_FOUND', `${o.command[0]} is not installed.`) : error);
    });
    child.on('close', (code) => {
      o.signal.removeEventListener('abort', onAbort);
      if (killTimer) clearTimeout(killTimer);
      if (o.signal.aborted) reject(new PortholeError('CANCELLED', 'Cancelled: compose was stopped.'));
      else resolve(code ?? 1);
    });
  });
}

/** The compose arguments for one action; `-p` and every `-f` come first, as compose expects. */
export function composeArgs(action: string, project: string, files: string[], workingDir: string, services: string[], removeVolumes: boolean): string[] {
  const globals = ['--ansi', 'never', '-p', project, ...files.flatMap((f) => ['-f', f]), '--project-directory', workingDir];
  switch (action) {
    case 'up':
      return [...globals, 'up', '-d', '--remove-orphans', ...services];
    case 'down':
      return [...globals, 'down', ...(removeVolumes ? ['--volumes'] : [])];
    case 'pull':
      return [...globals, 'pull', ...services];
    case 'build':
      return [...globals, 'build', ...services];
    default:
      return [...globals, action, ...services];
  }
}
