import { execFile } from 'node:child_process';
import { access, constants, readdir, stat } from 'node:fs/promises';
import { basename, delimiter, join } from 'node:path';
import type { VmAccelerator, VmSetup } from '../../shared/api/vm';
import { isStaticElf } from './elf';

const QEMU_BY_ARCH: Record<string, string> = { x64: 'qemu-system-x86_64', arm64: 'qemu-system-aarch64' };
const EXTRA_BIN_DIRS = ['/usr/bin', '/usr/local/bin', '/opt/homebrew/bin', '/opt/local/bin', 'C:\\Program Files\\qemu'];
const KERNEL_DIRS = ['/boot'];
const BUSYBOX_PATHS = ['/bin/busybox', '/usr/bin/busybox', '/usr/local/bin/busybox'];

/** What to install per OS, in the words of each OS's package manager. */
export const INSTALL_HINTS: VmSetup['install'] = [
  { os: 'Debian / Ubuntu', command: 'sudo apt-get install qemu-system-x86 linux-image-cloud-amd64 busybox-static' },
  { os: 'Fedora', command: 'sudo dnf install qemu-system-x86-core kernel-core busybox' },
  { os: 'Arch', command: 'sudo pacman -S qemu-base linux busybox' },
  { os: 'macOS (Homebrew)', command: 'brew install qemu — plus a Linux kernel image (vmlinuz) and a static Linux busybox, picked by path' },
  { os: 'Windows', command: 'winget install SoftwareFreedomConservancy.QEMU — plus a Linux kernel image and static busybox, picked by path' },
];

const readable = (path: string) => access(path, constants.R_OK).then(() => true, () => false);

async function onPath(program: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  const names = process.platform === 'win32' ? [`${program}.exe`, program] : [program];
  const dirs = [...(env.PATH ?? '').split(delimiter).filter(Boolean), ...EXTRA_BIN_DIRS];
  for (const dir of dirs) {
    for (const name of names) {
      const full = join(dir, name);
      if (await access(full, constants.X_OK).then(() => true, () => false)) return full;
    }
  }
  return null;
}

/** `vmlinuz-6.1.0-28-cloud-amd64` → `6.1.0-28-cloud-amd64` (the modules folder's name). */
export const kernelRelease = (kernelPath: string): string | null => /^(?:vmlinuz|bzImage|Image)-(.+)$/.exec(basename(kernelPath))?.[1] ?? null;

/** Compares release strings by their numeric parts, so 6.1.0-28 sorts after 6.1.0-9. */
function releaseOrder(a: string, b: string): number {
  const pa = a.split(/[^0-9]+/).filter(Boolean).map(Number);
  const pb = b.split(/[^0-9]+/).filter(Boolean).map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** Kernel images in the usual places, best first: a cloud (virtio-ready, small) kernel, then the newest. */
export async function findKernels(): Promise<string[]> {
  const found: string[] = [];
  for (const dir of KERNEL_DIRS) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) if (/^vmlinuz-/.test(name)) found.push(join(dir, name));
  }
  return found.sort((a, b) => {
    const cloud = Number(/cloud/.test(b)) - Number(/cloud/.test(a));
    return cloud || releaseOrder(kernelRelease(b) ?? '', kernelRelease(a) ?? '');
  });
}

/** Accelerators this QEMU offers (`-accel help`), within a deadline; TCG is always there. */
export function qemuAccelerators(qemu: string, timeoutMs = 5000): Promise<string[]> {
  return new Promise((resolve) => {
    execFile(qemu, ['-accel', 'help'], { timeout: timeoutMs }, (error, stdout) => {
      if (error) return resolve(['tcg']);
      const names = stdout.split('\n').map((l) => l.trim()).filter((l) => /^[a-z]+$/.test(l));
      resolve(names.length ? names : ['tcg']);
    });
  });
}

/** The hardware accelerator this host can use, if any: KVM needs /dev/kvm read-write. */
async function usableHardware(offered: string[]): Promise<VmAccelerator | null> {
  if (process.platform === 'linux' && offered.includes('kvm')) {
    if (await access('/dev/kvm', constants.R_OK | constants.W_OK).then(() => true, () => false)) return 'kvm';
  }
  if (process.platform === 'darwin' && offered.includes('hvf')) return 'hvf';
  if (process.platform === 'win32' && offered.includes('whpx')) return 'whpx';
  return null;
}

async function findBusybox(): Promise<string | null> {
  for (const path of BUSYBOX_PATHS) if (await isStaticElf(path)) return path;
  return null;
}

/**
 * Everything a VM measurement needs on this host, and what is missing in words: QEMU for this CPU, a
 * kernel (found in /boot or picked by the user), its modules folder, a static busybox for the init, and
 * the accelerators. Reads only; installs nothing.
 */
export async function detectSetup(options: { kernelPath?: string; env?: NodeJS.ProcessEnv } = {}): Promise<VmSetup> {
  const env = options.env ?? process.env;
  const program = QEMU_BY_ARCH[process.arch] ?? `qemu-system-${process.arch}`;
  const problems: string[] = [];
  const chosen = env.PORTHOLE_QEMU && (await access(env.PORTHOLE_QEMU, constants.X_OK).then(() => env.PORTHOLE_QEMU, () => null));
  const qemu = env.PORTHOLE_QEMU ? (chosen ?? null) : await onPath(program, env);
  if (!qemu) problems.push(env.PORTHOLE_QEMU ? `PORTHOLE_QEMU=${env.PORTHOLE_QEMU} is not an executable.` : `QEMU (${program}) is not installed or not on the PATH.`);

  const candidates = await findKernels();
  const kernel = options.kernelPath ?? env.PORTHOLE_VM_KERNEL ?? candidates[0] ?? null;
  let modulesDir: string | null = null;
  if (!kernel) problems.push('No Linux kernel image was found in /boot. Install one, or pick a kernel file (vmlinuz).');
  else if (!(await stat(kernel).then((s) => s.isFile(), () => false))) problems.push(`The kernel ${kernel} does not exist or is not a file.`);
  else if (!(await readable(kernel))) problems.push(`The kernel ${kernel} is not readable by this user (distributions often make /boot/vmlinuz-* root-only): copy it somewhere readable and pick the copy.`);
  else {
    const release = kernelRelease(kernel);
    const dir = release ? join('/lib/modules', release) : null;
    if (dir && (await readable(join(dir, 'modules.dep')))) modulesDir = dir;
  }

  const busybox = await findBusybox();
  if (!busybox) problems.push('No statically linked busybox was found (/bin/busybox from busybox-static): the VM’s init needs one.');

  const offered = qemu ? await qemuAccelerators(qemu) : [];
  const hardware = await usableHardware(offered);
  return {
    ready: problems.length === 0,
    qemu,
    kernel,
    kernelCandidates: candidates,
    modulesDir,
    busybox,
    accelerators: hardware ? [hardware, 'tcg'] : ['tcg'],
    preferred: hardware ?? 'tcg',
    problems,
    install: INSTALL_HINTS,
  };
}
