import type { Duplex } from 'node:stream';
import type Dockerode from 'dockerode';
import { withDeadline } from '../lib/deadline';

const GRACE_MS = 1_500;

async function stillRunning(exec: Dockerode.Exec): Promise<boolean> {
  const info = await withDeadline(exec.inspect(), 5_000, 'The engine (inspecting the exec)').catch(() => null);
  // A container that went away took the process with it.
  return info?.Running ?? false;
}

async function waitUntilGone(exec: Dockerode.Exec, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!(await stillRunning(exec))) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !(await stillRunning(exec));
}

/**
 * Ends a terminal whose tab closed. The engine has no "kill exec" call, and an exec outlives its
 * client, so: hang up (EOF on stdin), give it a moment, then kill every process that carries the
 * session's marker, and ask the engine whether it is really gone.
 */
export async function endExecSession(container: Dockerode.Container, exec: Dockerode.Exec, socket: Duplex, marker: string, shell: string | null): Promise<boolean> {
  socket.end();
  if (await waitUntilGone(exec, GRACE_MS)) {
    socket.destroy();
    return true;
  }
  const script = `for p in /proc/[0-9]*; do case "$(cat "$p/environ" 2>/dev/null)" in *"PORTHOLE_TERMINAL=${marker}"*) kill -9 "\${p#/proc/}" 2>/dev/null;; esac; done`;
  try {
    const killer = await withDeadline(container.exec({ Cmd: [shell ?? '/bin/sh', '-c', script], AttachStdout: false, AttachStderr: false }), 5_000, 'The engine');
    await withDeadline(killer.start({ Detach: true }), 5_000, 'The engine');
  } catch {
    // No shell to run the killer with: destroying the connection below is all that is left.
  }
  socket.destroy();
  const gone = await waitUntilGone(exec, 3_000);
  return gone;
}
