import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import type { VmAccelerator } from '../../shared/api/vm';

export interface QemuLaunch {
  qemu: string;
  accelerator: VmAccelerator;
  kernel: string;
  initramfs: string;
  memoryMiB: number;
  hostPort: number;
  guestPort: number;
}

const TAIL_LINES = 40;
// eslint-disable-next-line no-control-regex -- terminal escapes start with ESC by definition
const ESCAPES = /\x1b(\[[0-9;?]*[A-Za-z]|[()][A-Z0-9])/g;

const matches = (line: string, marker: string | RegExp) => (typeof marker === 'string' ? line.includes(marker) : marker.test(line));

/** QEMU's argument array: a serial console on stdio, user networking with one TCP forward on 127.0.0.1. */
export function qemuArgs(l: QemuLaunch): string[] {
  const machine = process.arch === 'arm64' ? ['-machine', 'virt', '-cpu', l.accelerator === 'tcg' ? 'max' : 'host'] : l.accelerator === 'tcg' ? [] : ['-cpu', 'host'];
  return [
    ...machine,
    '-accel', l.accelerator,
    '-m', String(l.memoryMiB),
    '-smp', '1',
    '-kernel', l.kernel,
    '-initrd', l.initramfs,
    '-append', `console=${process.arch === 'arm64' ? 'ttyAMA0' : 'ttyS0'} panic=-1 rdinit=/init`,
    '-nographic',
    '-no-reboot',
    '-netdev', `user,id=n0,hostfwd=tcp:127.0.0.1:${l.hostPort}-:${l.guestPort}`,
    '-device', 'virtio-net-pci,netdev=n0,romfile=',
  ];
}

/**
 * One QEMU process in its own process group: its console read line by line (a bounded tail kept),
 * markers timed from launch, and `stop()` killing the whole group and waiting for the exit.
 */
export class QemuProcess {
  readonly launchedAt = performance.now();
  private readonly child: ChildProcess;
  private readonly tail: string[] = [];
  private readonly seen = new Map<string, number>();
  private readonly waiters = new Set<() => void>();
  private partial = '';
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  readonly exited: Promise<void>;

  /** `markers`: console texts whose first appearance is timed as the line arrives. */
  constructor(
    readonly launch: QemuLaunch,
    private readonly markers: (string | RegExp)[] = [],
  ) {
    this.child = spawn(launch.qemu, qemuArgs(launch), { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        this.wake();
        resolve();
      });
      this.child.once('error', (error) => {
        this.tail.push(`(could not start ${launch.qemu}: ${error.message})`);
        this.exitInfo = { code: null, signal: null };
        this.wake();
        resolve();
      });
    });
    const onData = (chunk: Buffer) => this.onConsole(chunk.toString('utf8'));
    this.child.stdout?.on('data', onData);
    this.child.stderr?.on('data', onData);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get hasExited(): boolean {
    return this.exitInfo !== null;
  }

  get exitText(): string {
    if (!this.exitInfo) return 'running';
    return this.exitInfo.signal ? `killed by ${this.exitInfo.signal}` : `exited with code ${this.exitInfo.code}`;
  }

  /** The last console lines, for error messages. */
  consoleTail(lines = 15): string[] {
    return this.tail.slice(-lines);
  }

  private onConsole(text: string) {
    const lines = (this.partial + text.replace(/\r/g, '')).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      // Strip terminal escapes the guest writes (cursor queries, colours).
      const clean = line.replace(ESCAPES, '');
      this.tail.push(clean);
      for (const m of this.markers) if (!this.seen.has(String(m)) && matches(clean, m)) this.seen.set(String(m), performance.now() - this.launchedAt);
      if (this.tail.length > TAIL_LINES) this.tail.shift();
    }
    this.wake();
  }

  private wake() {
    for (const w of [...this.waiters]) w();
  }

  /** ms from launch to the first console line that contains `marker` (or matches it); null until then. */
  markAt(marker: string | RegExp): number | null {
    const key = String(marker);
    const known = this.seen.get(key);
    if (known !== undefined) return known;
    if (!this.tail.some((l) => matches(l, marker))) return null;
    // A marker not registered at launch: timed now, at the latest.
    const at = performance.now() - this.launchedAt;
    this.seen.set(key, at);
    return at;
  }

  /** Resolves the ms from launch at which `marker` showed, or null on timeout, exit or abort. */
  waitFor(marker: string | RegExp, timeoutMs: number, signal: AbortSignal): Promise<number | null> {
    return new Promise((resolve) => {
      const check = () => {
        const at = this.markAt(marker);
        if (at !== null) return finish(at);
        if (this.hasExited || signal.aborted) finish(null);
      };
      const finish = (value: number | null) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        signal.removeEventListener('abort', check);
        resolve(value);
      };
      const timer = setTimeout(() => finish(null), timeoutMs);
      this.waiters.add(check);
      signal.addEventListener('abort', check, { once: true });
      check();
    });
  }

  /** Resident memory of the QEMU process in bytes (/proc on Linux, `ps` elsewhere). */
  async rssBytes(): Promise<number> {
    const pid = this.child.pid;
    if (!pid) return 0;
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
    const kib = status ? /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] : await psRssKib(pid);
    return kib ? Number(kib) * 1024 : 0;
  }

  /** CPU seconds the QEMU process has used (user + system), from /proc/PID/stat; null where unreadable. */
  async cpuSeconds(): Promise<number | null> {
    const pid = this.child.pid;
    if (!pid) return null;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    if (!stat) return null;
    // Fields after the command name, which sits in parentheses and may itself contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticksPerSecond = 100; // USER_HZ: 100 on every Linux architecture QEMU runs on here
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  }

  /** Kills the whole process group and waits (bounded) for the exit. */
  async stop(): Promise<void> {
    const pid = this.child.pid;
    if (pid && !this.hasExited) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        this.child.kill('SIGKILL');
      }
    }
    await Promise.race([this.exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  }
}

function psRssKib(pid: number): Promise<string | undefined> {
  return new Promise((resolve) => execFile('ps', ['-o', 'rss=', '-p', String(pid)], { timeout: 3000 }, (error, stdout) => resolve(error ? undefined : stdout.trim())));
}
