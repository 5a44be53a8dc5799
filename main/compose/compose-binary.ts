import { execFile } from 'node:child_process';
import type { ComposeBinary } from '../../shared/api/compose';

const VERSION_TIMEOUT_MS = 30_000;

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ ok: boolean; stdout: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { env, timeout: VERSION_TIMEOUT_MS, windowsHide: true }, (error, stdout) => resolve({ ok: !error, stdout: String(stdout).trim() }));
  });
}

export function installAdvice(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin' || platform === 'win32') return 'Install Docker Desktop (it includes `docker compose`), or the standalone docker-compose from github.com/docker/compose/releases.';
  return 'Install the Compose plugin (Debian/Ubuntu: `apt install docker-compose-plugin` from Docker\'s repository, Fedora: `dnf install docker-compose-plugin`) or the standalone `docker-compose` (Debian/Ubuntu: `apt install docker-compose`).';
}

/**
 * The user's own compose: the `docker compose` plugin (v2) when the docker CLI has it, else a standalone
 * `docker-compose`. Looked up on the PATH Porthole runs with; re-checked each time (cheap, and the user
 * may install one while Porthole runs).
 */
export async function findComposeBinary(env: NodeJS.ProcessEnv = process.env): Promise<ComposeBinary> {
  const plugin = await run('docker', ['compose', 'version', '--short'], env);
  if (plugin.ok && plugin.stdout) return { found: true, kind: 'plugin', command: ['docker', 'compose'], version: plugin.stdout.replace(/^v/, '') };
  const standalone = await run('docker-compose', ['version', '--short'], env);
  if (standalone.ok && standalone.stdout) return { found: true, kind: 'standalone', command: ['docker-compose'], version: standalone.stdout.replace(/^v/, '') };
  return { found: false, message: 'Neither the `docker compose` plugin nor `docker-compose` was found on this computer.', install: installAdvice() };
}
