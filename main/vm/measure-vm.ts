import type Dockerode from 'dockerode';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, hostname, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { VmAccelerator, VmMeasureEvent, VmMeasurement, VmPhase, VmSetup } from '../../shared/api/vm';
import { PortholeError } from '../../shared/errors';
import { withDeadline } from '../lib/deadline';
import { sleep } from '../lib/sleep';
import { freeLoopbackPort } from './free-port';
import { measureContainerTwin } from './container-twin';
import { fetchRoot } from './http-body';
// tar-stream and the initramfs packer load on first use, not at every start of the host (bench B4).
const initramfsPacker = () => import('./initramfs');
import { initScript, MARK } from './init-script';
import { networkModuleFiles } from './kernel-modules';
import { bootUntilAnswer, KERNEL_MARK } from './boot';

const ENGINE_DEADLINE_MS = 30_000;
const MIB = 1024 * 1024;
/** A hardware-accelerated guest reaches its init in about a second; nested KVM can hang forever. */
export const HARDWARE_BOOT_LIMIT_MS = 20_000;

export interface MeasureOptions {
  container: string;
  accelerator: 'auto' | 'tcg';
  answerTimeoutMs: number;
  idleSeconds: number;
  /** Labels for the comparison container (tests add their run label). */
  labels?: Record<string, string>;
  /** Called while the VM answers, before it is stopped (tests fetch the page through the forward). */
  onAnswering?: (hostPort: number) => Promise<void>;
}

/** The workload's TCP port inside the container: the first published one, else the first exposed one. */
export function workloadPort(info: Dockerode.ContainerInspectInfo): number | null {
  const ports = Object.keys(info.NetworkSettings?.Ports ?? {}).concat(Object.keys(info.Config?.ExposedPorts ?? {}));
  const published = Object.entries(info.NetworkSettings?.Ports ?? {}).find(([key, bindings]) => key.endsWith('/tcp') && bindings?.length);
  const key = published?.[0] ?? ports.find((p) => p.endsWith('/tcp'));
  return key ? Number(key.split('/')[0]) : null;
}

/** Memory for the guest: the unpacked root lives in RAM, next to the kernel and the archive while it unpacks. */
export const guestMemoryMiB = (rootfsBytes: number, initramfsBytes: number): number =>
  Math.max(256, Math.ceil((rootfsBytes + initramfsBytes + 192 * MIB) / MIB / 64) * 64);

function machine(): VmMeasurement['machine'] {
  const cpu = cpus();
  return { hostname: hostname(), cpuModel: cpu[0]?.model.trim() ?? '', cpus: cpu.length, memoryBytes: totalmem(), os: `${type()} ${release()}` };
}

/**
 * Measures one container's workload both ways in one run: a fresh container of the same config, then a
 * QEMU VM built from the container's exported file system on `setup`'s kernel. Emits phases as it goes;
 * cancelling (the signal) stops whatever runs. The VM, the comparison container and the temp folder
 * are gone when this returns or throws.
 */
export async function measureVm(docker: Dockerode, setup: VmSetup, options: MeasureOptions, emit: (event: VmMeasureEvent) => void, signal: AbortSignal): Promise<VmMeasurement> {
  const t0 = performance.now();
  const phase = (p: VmPhase, message: string) => {
    if (!signal.aborted) emit({ kind: 'phase', phase: p, message, elapsedMs: Math.round(performance.now() - t0) });
  };
  const cancelled = () => new PortholeError('CANCELLED', 'The measurement was cancelled.');
  if (!setup.ready || !setup.qemu || !setup.kernel || !setup.busybox) {
    throw new PortholeError('NOT_FOUND', `A VM cannot be measured on this host yet: ${setup.problems.join(' ')}`, { setup });
  }
  const { qemu, kernel, busybox } = setup;

  phase('setup', 'Reading the container’s configuration');
  const container = docker.getContainer(options.container);
  const info = await withDeadline(container.inspect(), ENGINE_DEADLINE_MS, 'The engine’s inspect');
  const guestPort = workloadPort(info);
  if (!guestPort) throw new PortholeError('VALIDATION', `${info.Name.replace(/^\//, '')} publishes and exposes no TCP port: the VM is measured until its workload answers on one.`);
  const config = info.Config;
  const entrypoint = typeof config.Entrypoint === 'string' ? [config.Entrypoint] : (config.Entrypoint ?? []);
  const workload = { entrypoint, cmd: config.Cmd ?? [], env: config.Env ?? [], workdir: config.WorkingDir ?? '/' };
  const modules = setup.modulesDir ? await networkModuleFiles(setup.modulesDir) : [];

  phase('container', `Starting the same workload as a fresh container (port ${guestPort})`);
  const twin = await measureContainerTwin(
    docker,
    { image: info.Image, entrypoint: config.Entrypoint === null || config.Entrypoint === undefined ? null : entrypoint, cmd: config.Cmd ?? null, env: workload.env, workdir: config.WorkingDir ?? '', user: config.User ?? '', guestPort, labels: options.labels ?? {} },
    options.idleSeconds,
    options.answerTimeoutMs,
    signal,
  );
  if (signal.aborted) throw cancelled();

  const dir = await mkdtemp(join(tmpdir(), 'porthole-vm-'));
  try {
    phase('export', 'Exporting the container’s file system');
    const initramfs = join(dir, 'initramfs.cpio.gz');
    const exported = (await withDeadline(container.export(), ENGINE_DEADLINE_MS, 'The engine’s export')) as unknown as Readable;
    phase('pack', 'Packing it with an init into an initramfs');
    const { GUEST_BUSYBOX, packInitramfs } = await initramfsPacker();
    const packed = await packInitramfs({
      rootfs: exported,
      busybox,
      modules,
      init: (guestModules) => initScript(workload, { busybox: GUEST_BUSYBOX, modules: guestModules }),
      out: initramfs,
      signal,
    });
    const memoryMiB = guestMemoryMiB(packed.rootfsBytes, packed.initramfsBytes);
    const kernelBytes = (await stat(kernel)).size;

    let fallback: string | null = null;
    const attempts: VmAccelerator[] = options.accelerator === 'auto' && setup.preferred !== 'tcg' ? [setup.preferred, 'tcg'] : ['tcg'];
    for (const accelerator of attempts) {
      const hostPort = await freeLoopbackPort();
      phase('launch', `Booting QEMU (${accelerator === 'tcg' ? 'TCG, emulated' : accelerator.toUpperCase()}, ${memoryMiB} MiB) on ${kernel}`);
      const booted = await bootUntilAnswer(
        { qemu, accelerator, kernel, initramfs, memoryMiB, hostPort, guestPort },
        {
          answerTimeoutMs: options.answerTimeoutMs,
          hardwareBootLimitMs: accelerator === 'tcg' ? null : HARDWARE_BOOT_LIMIT_MS,
          onMark: (p, text) => phase(p, text),
          signal,
        },
        async (vm, answerMs) => {
          const rssBytes = await vm.rssBytes();
          const body = await fetchRoot(hostPort);
          await options.onAnswering?.(hostPort);
          phase('answering', `Answering after ${(answerMs / 1000).toFixed(1)} s; measuring idle CPU for ${options.idleSeconds} s`);
          const before = await vm.cpuSeconds();
          const idleStart = performance.now();
          await sleep(options.idleSeconds * 1000, signal);
          const after = await vm.cpuSeconds();
          const idleCpuPercent = before !== null && after !== null ? ((after - before) / ((performance.now() - idleStart) / 1000)) * 100 : 0;
          return { rssBytes, body, idleCpuPercent };
        },
      );
      if (booted.kind === 'stalled') {
        fallback = `${accelerator.toUpperCase()} did not reach the guest’s init within ${HARDWARE_BOOT_LIMIT_MS / 1000} s (${booted.reason}); measured under TCG (emulated) instead.`;
        phase('fallback', fallback);
        continue;
      }
      phase('stop', 'Stopped the VM');
      const { kernelMs, initMs, answerMs, figures } = booted;
      const measurement: VmMeasurement = {
        image: config.Image,
        imageId: info.Image,
        containerName: info.Name.replace(/^\//, ''),
        measuredAtMs: Date.now(),
        machine: machine(),
        accelerator,
        emulated: accelerator === 'tcg',
        fallback,
        qemu,
        kernel,
        guestMemoryMiB: memoryMiB,
        guestPort,
        vm: {
          kernelMs: kernelMs === null ? null : Math.round(kernelMs),
          initMs: initMs === null ? null : Math.round(initMs),
          answerMs: Math.round(answerMs),
          rssBytes: figures.rssBytes,
          idleCpuPercent: Math.round(figures.idleCpuPercent * 100) / 100,
          diskBytes: kernelBytes + packed.initramfsBytes,
          kernelBytes,
          initramfsBytes: packed.initramfsBytes,
          rootfsBytes: packed.rootfsBytes,
        },
        container: {
          answerMs: Math.round(twin.answerMs),
          memoryBytes: twin.memoryBytes,
          idleCpuPercent: twin.idleCpuPercent === null ? null : Math.round(twin.idleCpuPercent * 100) / 100,
          imageBytes: twin.imageBytes,
          diskBytes: twin.diskBytes,
        },
        sameAnswer: twin.body === null || figures.body === null ? null : twin.body.equals(figures.body),
        idleSeconds: options.idleSeconds,
      };
      phase('done', `Measured in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      return measurement;
    }
    throw new PortholeError('INTERNAL', 'No accelerator was left to try.');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export { KERNEL_MARK, MARK };
