/** What the VM's init runs: the container's workload as the engine would start it. */
export interface Workload {
  entrypoint: string[];
  cmd: string[];
  /** `KEY=value` pairs, as in the image/container config. */
  env: string[];
  workdir: string;
}

export interface InitOptions {
  /** Where the static busybox sits inside the initramfs (its file name must stay `busybox`). */
  busybox: string;
  /** Kernel module files inside the initramfs, in load order. */
  modules: string[];
  guestIp?: string;
  gateway?: string;
}

/** Console lines the init prints; the measurer reads them to time the phases. */
export const MARK = {
  init: 'porthole-vm: init started',
  network: 'porthole-vm: network up',
  workload: 'porthole-vm: starting workload',
  exited: 'porthole-vm: workload exited with',
} as const;

const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** POSIX single-quoting: safe for any byte string. */
export const shellQuote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

/** The argv the engine would exec: entrypoint + cmd (docker's rule: cmd becomes the entrypoint's arguments). */
export function workloadArgv(w: Workload): string[] {
  return [...w.entrypoint, ...w.cmd];
}

/**
 * The VM's `/init`: a busybox sh script that mounts the kernel file systems, loads the virtio network
 * modules, configures QEMU user networking's fixed addresses, then runs the workload with exactly the
 * container's env and working directory. When the workload exits the VM powers off, so a crashed
 * workload ends the boot instead of leaving a VM that never answers.
 */
export function initScript(workload: Workload, options: InitOptions): string {
  const argv = workloadArgv(workload);
  if (argv.length === 0) throw new Error('The image has neither an entrypoint nor a command: there is no workload to run.');
  const bb = shellQuote(options.busybox);
  const ip = options.guestIp ?? '10.0.2.15/24';
  const gateway = options.gateway ?? '10.0.2.2';
  const env = workload.env.filter((pair) => ENV_KEY.test(pair.split('=')[0] ?? ''));
  if (!env.some((pair) => pair.startsWith('PATH='))) env.unshift('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
  const lines = [
    `#!${options.busybox} sh`,
    `B=${bb}`,
    `echo '${MARK.init}'`,
    '$B mkdir -p /proc /sys /dev /tmp /run',
    '$B mount -t proc proc /proc',
    '$B mount -t sysfs sysfs /sys',
    '$B mount -t devtmpfs devtmpfs /dev 2>/dev/null',
    ...options.modules.map((m) => `$B insmod ${shellQuote(m)} || echo 'porthole-vm: could not load ${m.replace(/'/g, '')}'`),
    '$B ip link set lo up',
    '$B ip link set eth0 up',
    `$B ip addr add ${ip} dev eth0`,
    `$B ip route add default via ${gateway}`,
    `[ -s /etc/resolv.conf ] || echo 'nameserver 10.0.2.3' > /etc/resolv.conf`,
    `echo '${MARK.network}'`,
    `cd ${shellQuote(workload.workdir || '/')} || cd /`,
    `echo '${MARK.workload}'`,
    `$B env -i ${env.map(shellQuote).join(' ')} ${argv.map(shellQuote).join(' ')}`,
    `echo "${MARK.exited} $?"`,
    '$B poweroff -f',
    '',
  ];
  return lines.join('\n');
}
