import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type Dockerode from 'dockerode';
import { PortholeError } from '../../shared/errors';
import type { TerminalEvent, TerminalInput, TerminalSessionOptions } from '../../shared/api/terminal';
import { withDeadline } from '../lib/deadline';
import { chooseShell } from './shell-choice';
import { endExecSession } from './end-session';
import { OutputPump } from './output-pump';

export type SessionOptions = TerminalSessionOptions;

const CALL_MS = 10_000;

async function requireRunning(container: Dockerode.Container): Promise<void> {
  const info = await withDeadline(container.inspect(), CALL_MS, 'The engine (inspecting the container)');
  if (info.State.Paused) throw new PortholeError('CONFLICT', 'This container is paused; unpause it to open a terminal.', { reason: 'paused' });
  if (!info.State.Running)
    throw new PortholeError('CONFLICT', `This container is ${info.State.Status}, and a terminal can only run inside a running container. Start it, then open the terminal again.`, {
      reason: 'not-running',
      state: info.State.Status,
    });
}

/**
 * One interactive terminal: an exec with a TTY and stdin attached over a hijacked connection. Runs until
 * the program exits (emits `exit`) or `signal` aborts (the tab closed), in which case the session is
 * ended and the engine is asked to confirm the process is gone.
 */
export async function runTerminalSession(
  docker: Dockerode,
  options: SessionOptions,
  emit: (event: TerminalEvent) => void,
  onInput: (listener: (message: TerminalInput) => void) => void,
  signal: AbortSignal,
): Promise<void> {
  const container = docker.getContainer(options.containerId);
  await requireRunning(container);
  const shell = options.command ? null : await chooseShell(container);
  const marker = randomUUID();
  const exec = await withDeadline(
    container.exec({
      Cmd: options.command ?? [shell as string],
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      Tty: true,
      // The marker lets the session's whole process tree be found (and ended) inside the container.
      Env: ['TERM=xterm-256color', `PORTHOLE_TERMINAL=${marker}`],
      ...(options.user ? { User: options.user } : {}),
      ...(options.workdir ? { WorkingDir: options.workdir } : {}),
    }),
    CALL_MS,
    'The engine (creating the exec)',
  );
  if (signal.aborted) return;
  const socket = (await withDeadline(exec.start({ hijack: true, stdin: true, Tty: true }), CALL_MS, 'The engine (starting the exec)')) as unknown as Duplex;
  // A keystroke is one tiny write: on an engine reached over TCP, Nagle would hold it back for the previous one's ACK.
  (socket as Partial<Socket>).setNoDelay?.(true);
  const resize = (cols: number, rows: number) =>
    withDeadline(exec.resize({ w: cols, h: rows }), CALL_MS, 'The engine (resizing)').catch(() => {
      // The program may have exited between the message and the call; the next resize or the exit says more.
    });
  await resize(options.cols, options.rows);
  emit({ t: 'ready', shell: options.command ? options.command.join(' ') : (shell as string), execId: exec.id });

  const pump = new OutputPump(socket, (base64) => emit({ t: 'out', base64 }));
  onInput((message) => {
    if (message.t === 'input') socket.write(Buffer.from(message.base64, 'base64'));
    else if (message.t === 'resize') void resize(message.cols, message.rows);
    else pump.ack(message.bytes);
  });

  const ended = new Promise<void>((resolve) => {
    socket.once('end', resolve);
    socket.once('close', resolve);
    socket.once('error', () => resolve());
  });
  const aborted = new Promise<'aborted'>((resolve) => {
    if (signal.aborted) resolve('aborted');
    signal.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
  const outcome = await Promise.race([ended, aborted]);
  if (outcome === 'aborted') {
    pump.dispose();
    await endExecSession(container, exec, socket, marker, shell);
    return;
  }
  const info = await withDeadline(exec.inspect(), CALL_MS, 'The engine (inspecting the exec)').catch(() => null);
  socket.destroy();
  // The last output goes out before the exit, and nothing is scheduled after it.
  pump.flush();
  pump.dispose();
  emit({ t: 'exit', exitCode: info?.ExitCode ?? null });
}
