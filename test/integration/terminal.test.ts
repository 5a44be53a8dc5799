import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TerminalEvent } from '../../shared/api/terminal';
import { useCore } from '../support/core';
import { invoke } from '../support/api';
import { openStream, until, type OpenStream } from '../support/api-stream';
import { docker, dockerCli, runBusybox } from '../support/engine';
import { uniqueName } from '../support/run-id';
import { ShellContainers } from '../support/shell-image';

const core = useCore();
const shells = new ShellContainers();
let running: string;

const text = (s: OpenStream<'terminal:session'>) =>
  Buffer.concat(s.data.filter((e): e is Extract<TerminalEvent, { t: 'out' }> => e.t === 'out').map((e) => Buffer.from(e.base64, 'base64'))).toString('utf8');
const execIdOf = (s: OpenStream<'terminal:session'>) => (s.data.find((e) => e.t === 'ready') as Extract<TerminalEvent, { t: 'ready' }> | undefined)?.execId;
const type = (s: OpenStream<'terminal:session'>, keys: string) =>
  invoke(core, 'streams:send', { id: s.id, message: { t: 'input', base64: Buffer.from(keys).toString('base64') } });

beforeAll(async () => {
  await shells.prepare();
  running = await shells.make('term');
}, 60_000);

afterAll(() => shells.removeAll());

describe('terminal sessions', () => {
  it('runs a shell with a TTY: input, output, resize, and closing ends the process', async () => {
    const s = openStream(core, 'terminal:session', { containerId: running, cols: 100, rows: 30 });
    await until(() => s.data.some((e) => e.t === 'ready'), 15_000, 'ready');
    expect((s.data[0] as { shell: string }).shell).toBe('/bin/sh');
    expect((await type(s, 'echo $((6*7))\r')).ok).toBe(true);
    await until(() => /\r\n42\r\n/.test(text(s)), 10_000, '42');

    await type(s, 'stty size\r');
    await until(() => text(s).includes('30 100'), 10_000, 'initial size');
    expect((await invoke(core, 'streams:send', { id: s.id, message: { t: 'resize', cols: 120, rows: 40 } })).ok).toBe(true);
    await type(s, 'stty size\r');
    await until(() => text(s).includes('40 120'), 10_000, 'new size');

    // Bad input is refused in words, and never reaches the engine.
    const bad = await invoke(core, 'streams:send', { id: s.id, message: { t: 'input', base64: '!!not base64!!' } });
    expect(!bad.ok && bad.error.code).toBe('VALIDATION');
    const huge = await invoke(core, 'streams:send', { id: s.id, message: { t: 'input', base64: 'A'.repeat(200_000) } });
    expect(!huge.ok && huge.error.code).toBe('VALIDATION');
    const nobody = await invoke(core, 'streams:send', { id: 'no-such-stream', message: { t: 'input', base64: '' } });
    expect(!nobody.ok && nobody.error.code).toBe('NOT_FOUND');

    // A foreground program that ignores EOF: closing must still leave nothing behind.
    await type(s, 'sleep 100\r');
    await until(() => text(s).includes('sleep 100'), 5_000, 'sleep echoed');
    const execId = execIdOf(s) as string;
    s.close();
    await expect
      .poll(async () => (await docker.getExec(execId).inspect()).Running, { timeout: 10_000, interval: 200 })
      .toBe(false);
    const top = await dockerCli('top', running, '-o', 'pid,args');
    expect(top).not.toMatch(/sleep 100/);
  }, 60_000);

  it('Ctrl-C stops a foreground program, and two sessions do not cross output', async () => {
    const a = openStream(core, 'terminal:session', { containerId: running });
    const b = openStream(core, 'terminal:session', { containerId: running });
    await until(() => execIdOf(a) !== undefined && execIdOf(b) !== undefined, 15_000, 'both ready');
    await type(a, 'sleep 100; echo after-$((1+1))\r');
    await new Promise((r) => setTimeout(r, 300));
    await type(a, '\x03');
    await type(a, 'echo A-$((40+1))\r');
    await type(b, 'echo B-$((50+1))\r');
    await until(() => text(a).includes('A-41') && text(b).includes('B-51'), 10_000, 'both answered');
    expect(text(a)).not.toContain('B-51');
    expect(text(b)).not.toContain('A-41');
    expect(text(a)).not.toContain('after-2');
    // Ctrl-D at the prompt ends the shell: the stream says how it exited, then ends.
    await type(b, '\x04');
    expect(await b.finished).toEqual({ kind: 'end' });
    expect(b.data.at(-1)).toEqual({ t: 'exit', exitCode: 0 });
    a.close();
  }, 60_000);

  it('says in words when the container is stopped or has no shell', async () => {
    const stopped = await shells.make('term-stopped', 'create');
    const s = openStream(core, 'terminal:session', { containerId: stopped });
    const end = await s.finished;
    expect(end).toMatchObject({ kind: 'error', error: { code: 'CONFLICT', detail: { reason: 'not-running' } } });

    const bare = shells.track(uniqueName('term-noshell'));
    await runBusybox(bare);
    const n = openStream(core, 'terminal:session', { containerId: bare });
    const noShell = await n.finished;
    expect(noShell).toMatchObject({ kind: 'error', error: { code: 'CONFLICT', message: expect.stringContaining('no shell'), detail: { reason: 'no-shell' } } });
    // The user's own command works where there is no shell.
    const own = openStream(core, 'terminal:session', { containerId: bare, command: ['/bin/busybox', 'sh'] });
    await until(() => execIdOf(own) !== undefined, 15_000, 'own command ready');
    await type(own, 'echo own-$((2*21))\r');
    await until(() => text(own).includes('own-42'), 10_000, 'own command output');
    own.close();
  }, 60_000);
});
