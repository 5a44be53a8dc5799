import type { VmPhase } from '../../shared/api/vm';
import { PortholeError } from '../../shared/errors';
import { portAnswers } from '../lib/port-probe';
import { sleep } from '../lib/sleep';
import { MARK } from './init-script';
import { QemuProcess, type QemuLaunch } from './qemu-process';

/** The kernel's first console line. */
export const KERNEL_MARK = /Linux version \d/;

export interface BootOptions {
  answerTimeoutMs: number;
  /** With hardware acceleration: give up (→ "stalled") when the init has not run after this long. */
  hardwareBootLimitMs: number | null;
  onMark: (phase: VmPhase, text: string) => void;
  signal: AbortSignal;
}

export type BootOutcome<T> =
  | { kind: 'stalled'; reason: string }
  | { kind: 'answered'; kernelMs: number | null; initMs: number | null; answerMs: number; figures: T };

const tailText = (vm: QemuProcess) => {
  const lines = vm.consoleTail(15);
  return lines.length ? lines.join('\n') : '(the VM printed nothing)';
};

/**
 * Boots one VM and waits for its workload to answer on the forwarded port (QEMU's forward accepts
 * before the guest listens, so only an answer counts), then runs `whileAnswering` with the VM up.
 * QEMU is stopped before this returns or throws, whatever happened.
 */
export async function bootUntilAnswer<T>(launch: QemuLaunch, options: BootOptions, whileAnswering: (vm: QemuProcess, answerMs: number) => Promise<T>): Promise<BootOutcome<T>> {
  const { signal } = options;
  const vm = new QemuProcess(launch, [KERNEL_MARK, MARK.init, MARK.network, MARK.workload, MARK.exited]);
  try {
    const marks: [VmPhase, string | RegExp, string][] = [
      ['kernel', KERNEL_MARK, 'Kernel running'],
      ['init', MARK.init, 'Init running: loading virtio networking'],
      ['network', MARK.network, 'Network up: workload starting, waiting for it to answer'],
    ];
    const limit = options.hardwareBootLimitMs;
    const deadline = performance.now() + options.answerTimeoutMs;
    const reported = new Set<VmPhase>();
    const report = () => {
      for (const [phase, mark, text] of marks) {
        const at = vm.markAt(mark);
        if (at !== null && !reported.has(phase)) {
          reported.add(phase);
          options.onMark(phase, `${text} (${(at / 1000).toFixed(1)} s)`);
        }
      }
    };
    if (limit !== null) {
      const initAt = await vm.waitFor(MARK.init, limit, signal);
      if (signal.aborted) throw new PortholeError('CANCELLED', 'The measurement was cancelled.');
      if (initAt === null) {
        const reason = vm.hasExited ? `QEMU ${vm.exitText}: ${vm.consoleTail(2).join(' ') || 'no output'}` : vm.markAt(KERNEL_MARK) === null ? 'no kernel output' : 'the kernel started but did not reach the init';
        return { kind: 'stalled', reason };
      }
    }
    let answerMs: number | null = null;
    while (!signal.aborted && !vm.hasExited && performance.now() < deadline) {
      report();
      if (await portAnswers('127.0.0.1', launch.hostPort, 'http', { timeoutMs: 1000 })) {
        answerMs = performance.now() - vm.launchedAt;
        break;
      }
      await sleep(50, signal);
    }
    report();
    if (signal.aborted) throw new PortholeError('CANCELLED', 'The measurement was cancelled.');
    if (answerMs === null) {
      const why = vm.hasExited
        ? `QEMU ${vm.exitText} before the workload answered`
        : `The workload did not answer on port ${launch.guestPort} within ${Math.round(options.answerTimeoutMs / 1000)} s of booting the VM`;
      const tail = tailText(vm);
      throw new PortholeError('TIMEOUT', `${why}. The VM’s console ended with:\n${tail}`, { consoleTail: vm.consoleTail(15) });
    }
    const figures = await whileAnswering(vm, answerMs);
    if (signal.aborted) throw new PortholeError('CANCELLED', 'The measurement was cancelled.');
    return { kind: 'answered', kernelMs: vm.markAt(KERNEL_MARK), initMs: vm.markAt(MARK.init), answerMs, figures };
  } finally {
    await vm.stop();
  }
}
