import type Dockerode from 'dockerode';
import { PortholeError } from '../../shared/errors';
import { withDeadline } from '../lib/deadline';

const BASH = ['/bin/bash', '/usr/bin/bash'];
const SH = ['/bin/sh', '/usr/bin/sh', '/bin/ash'];

async function exists(container: Dockerode.Container, path: string): Promise<boolean> {
  try {
    await withDeadline(container.infoArchive({ path }) as Promise<unknown>, 5_000, 'The engine (checking for a shell)');
    return true;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return false;
    throw error;
  }
}

/**
 * The shell the anchors pick: bash if the image has it, else sh. Looked up with the archive API's stat
 * (no exec needed), so a container without any shell is told apart from a failed start.
 */
export async function chooseShell(container: Dockerode.Container): Promise<string> {
  for (const path of [...BASH, ...SH]) if (await exists(container, path)) return path;
  throw new PortholeError(
    'CONFLICT',
    'This container has no shell (neither bash nor sh is in its image). Type a command to run instead — for example the program the image is built around, or "/bin/busybox sh" if it has busybox.',
    { reason: 'no-shell' },
  );
}
