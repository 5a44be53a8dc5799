import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { archiveName, CpioWriter, newcHeader, S_IFDIR, S_IFREG } from '../../../main/vm/cpio';
import { initScript, MARK, shellQuote, workloadArgv } from '../../../main/vm/init-script';
import { loadOrder, moduleName, parseModuleIndex } from '../../../main/vm/kernel-modules';
import { guestMemoryMiB, workloadPort } from '../../../main/vm/measure-vm';
import { qemuArgs } from '../../../main/vm/qemu-process';
import { kernelRelease } from '../../../main/vm/toolchain';
import { measurementTable } from '../../../main/cli/measurement-table';

/** Reads a newc archive back: name, mode, body — the way the kernel's unpacker walks it. */
function parseNewc(buf: Buffer): { name: string; mode: number; body: Buffer; rdev: [number, number] }[] {
  const out = [];
  let at = 0;
  for (;;) {
    expect(buf.subarray(at, at + 6).toString()).toBe('070701');
    const field = (i: number) => parseInt(buf.subarray(at + 6 + i * 8, at + 14 + i * 8).toString(), 16);
    const [mode, size, namesize] = [field(1), field(6), field(11)];
    const rdev: [number, number] = [field(9), field(10)];
    const nameStart = at + 110;
    const name = buf.subarray(nameStart, nameStart + namesize - 1).toString();
    let bodyStart = nameStart + namesize;
    bodyStart += (4 - (bodyStart % 4)) % 4;
    const body = buf.subarray(bodyStart, bodyStart + size);
    at = bodyStart + size;
    at += (4 - (at % 4)) % 4;
    if (name === 'TRAILER!!!') return out;
    out.push({ name, mode, body, rdev });
  }
}

describe('newc cpio writer', () => {
  it('writes headers, names and bodies the kernel can walk, each padded to 4 bytes', async () => {
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (c: Buffer) => chunks.push(c));
    const cpio = new CpioWriter(sink);
    await cpio.addDirectory('/bin');
    await cpio.addFile('bin/hello', 'hi!\n', 0o755);
    await cpio.addSymlink('./bin/sh', 'busybox');
    await cpio.addCharDevice('dev/console', 5, 1);
    async function* parts() {
      yield Buffer.from('ab');
      yield Buffer.from('cde');
    }
    await cpio.add({ name: 'streamed', mode: S_IFREG | 0o600, size: 5 }, parts());
    await cpio.finish();
    const archive = Buffer.concat(chunks);
    expect(archive.length % 4).toBe(0);
    expect(cpio.size).toBe(archive.length);
    const entries = parseNewc(archive);
    expect(entries.map((e) => e.name)).toEqual(['bin', 'bin/hello', 'bin/sh', 'dev/console', 'streamed']);
    expect(entries[0].mode).toBe(S_IFDIR | 0o755);
    expect(entries[1].mode).toBe(S_IFREG | 0o755);
    expect(entries[1].body.toString()).toBe('hi!\n');
    expect(entries[2].body.toString()).toBe('busybox');
    expect(entries[3].rdev).toEqual([5, 1]);
    expect(entries[4].body.toString()).toBe('abcde');
  });

  it('refuses a body whose length differs from its header', async () => {
    const cpio = new CpioWriter(new PassThrough());
    await expect(cpio.add({ name: 'x', mode: S_IFREG, size: 3 }, Buffer.from('four'))).rejects.toThrow(/4 bytes/);
  });

  it('normalises names and pads the header + name to a multiple of 4', () => {
    expect(archiveName('/./etc/')).toBe('etc');
    expect(archiveName('./')).toBe('.');
    for (const name of ['a', 'ab', 'abc', 'abcd']) expect(newcHeader({ name, mode: S_IFREG, size: 0 }, 1).length % 4).toBe(0);
  });
});

describe('VM init script', () => {
  const workload = { entrypoint: ['/bin/busybox'], cmd: ['httpd', '-f', '-p', '8080', '-h', "/it's here"], env: ['PATH=/bin', 'GREETING=a b$c', 'bad key=1'], workdir: '/www' };
  const script = initScript(workload, { busybox: '/.porthole/busybox', modules: ['/.porthole/modules/virtio.ko', '/.porthole/modules/virtio_net.ko'] });

  it('runs under the bundled busybox and loads the modules in the order given, before networking', () => {
    expect(script.startsWith('#!/.porthole/busybox sh\n')).toBe(true);
    const lines = script.split('\n');
    const a = lines.findIndex((l) => l.includes('virtio.ko'));
    const b = lines.findIndex((l) => l.includes('virtio_net.ko'));
    const ip = lines.findIndex((l) => l.includes('ip addr add 10.0.2.15/24 dev eth0'));
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
    expect(ip).toBeGreaterThan(b);
    expect(script).toContain('ip route add default via 10.0.2.2');
    for (const mark of [MARK.init, MARK.network, MARK.workload, MARK.exited]) expect(script).toContain(mark);
  });

  it('runs the workload with exactly its env (quoted) in its working dir, and powers off when it exits', () => {
    expect(script).toContain("cd '/www'");
    expect(script).toContain(`env -i 'PATH=/bin' 'GREETING=a b$c' '/bin/busybox' 'httpd' '-f' '-p' '8080' '-h' '/it'\\''s here'`);
    expect(script).not.toContain('bad key');
    expect(script.trimEnd().endsWith('$B poweroff -f')).toBe(true);
  });

  it('adds a default PATH when the image has none, and refuses an image with nothing to run', () => {
    expect(initScript({ ...workload, env: [] }, { busybox: '/b/busybox', modules: [] })).toContain("'PATH=/usr/local/sbin:");
    expect(() => initScript({ ...workload, entrypoint: [], cmd: [] }, { busybox: '/b/busybox', modules: [] })).toThrow(/no workload/);
    expect(workloadArgv({ ...workload, entrypoint: ['/e'], cmd: ['x'] })).toEqual(['/e', 'x']);
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
  });
});

describe('kernel modules from modules.dep', () => {
  // The lines of Debian 12's linux-image-cloud-amd64 that matter here.
  const dep = [
    'kernel/drivers/virtio/virtio.ko:',
    'kernel/drivers/virtio/virtio_ring.ko: kernel/drivers/virtio/virtio.ko',
    'kernel/drivers/virtio/virtio_pci_modern_dev.ko:',
    'kernel/drivers/virtio/virtio_pci_legacy_dev.ko:',
    'kernel/drivers/virtio/virtio_pci.ko: kernel/drivers/virtio/virtio_pci_legacy_dev.ko kernel/drivers/virtio/virtio_pci_modern_dev.ko kernel/drivers/virtio/virtio.ko kernel/drivers/virtio/virtio_ring.ko',
    'kernel/net/core/failover.ko:',
    'kernel/drivers/net/net_failover.ko: kernel/net/core/failover.ko',
    'kernel/drivers/net/virtio_net.ko.xz: kernel/drivers/net/net_failover.ko kernel/net/core/failover.ko kernel/drivers/virtio/virtio.ko kernel/drivers/virtio/virtio_ring.ko',
  ].join('\n');

  it('orders every dependency before the module that needs it, each once', () => {
    const order = loadOrder(parseModuleIndex(dep), ['virtio_pci', 'virtio-net']).map(moduleName);
    expect(new Set(order).size).toBe(order.length);
    expect(order.sort()).toEqual(['failover', 'net_failover', 'virtio', 'virtio_net', 'virtio_pci', 'virtio_pci_legacy_dev', 'virtio_pci_modern_dev', 'virtio_ring'].sort());
    const real = loadOrder(parseModuleIndex(dep), ['virtio_pci', 'virtio_net']).map(moduleName);
    const before = (a: string, b: string) => expect(real.indexOf(a)).toBeLessThan(real.indexOf(b));
    before('virtio', 'virtio_ring');
    before('virtio_ring', 'virtio_pci');
    before('failover', 'net_failover');
    before('net_failover', 'virtio_net');
  });

  it('skips built-in modules and names a missing one', () => {
    expect(loadOrder(parseModuleIndex(dep, 'kernel/drivers/virtio/virtio.ko\nkernel/drivers/virtio/virtio_ring.ko\n'), ['virtio_net']).map(moduleName)).toEqual(['failover', 'net_failover', 'virtio_net']);
    expect(() => loadOrder(parseModuleIndex(''), ['virtio_net'])).toThrow(/no module virtio_net/);
  });
});

describe('VM launch details', () => {
  it('finds the workload port, sizes the guest, names the kernel release, and forwards on loopback only', () => {
    const info = { NetworkSettings: { Ports: { '53/udp': null, '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '3000' }] } }, Config: { ExposedPorts: { '9000/tcp': {} } } };
    expect(workloadPort(info as never)).toBe(8080);
    expect(workloadPort({ NetworkSettings: { Ports: {} }, Config: { ExposedPorts: { '9000/tcp': {} } } } as never)).toBe(9000);
    expect(workloadPort({ NetworkSettings: {}, Config: {} } as never)).toBeNull();
    expect(guestMemoryMiB(4e6, 2e6)).toBe(256);
    expect(guestMemoryMiB(900 * 1024 * 1024, 300 * 1024 * 1024)).toBe(1408);
    expect(kernelRelease('/boot/vmlinuz-6.1.0-57-cloud-amd64')).toBe('6.1.0-57-cloud-amd64');
    const args = qemuArgs({ qemu: 'q', accelerator: 'tcg', kernel: '/k', initramfs: '/i', memoryMiB: 256, hostPort: 4000, guestPort: 80 });
    expect(args).toContain('user,id=n0,hostfwd=tcp:127.0.0.1:4000-:80');
    expect(args.slice(args.indexOf('-accel'), args.indexOf('-accel') + 2)).toEqual(['-accel', 'tcg']);
  });
});

describe('compare --measure-vm text output', () => {
  it('names the accelerator, labels emulation and prints both sides of every figure', () => {
    const text = measurementTable({
      image: 'web:1', imageId: 'sha256:1', containerName: 'web', measuredAtMs: 0,
      machine: { hostname: 'h', cpuModel: 'cpu', cpus: 2, memoryBytes: 1, os: 'Linux' },
      accelerator: 'tcg', emulated: true, fallback: 'KVM did not reach the guest’s init within 20 s (no kernel output); measured under TCG (emulated) instead.',
      qemu: 'q', kernel: 'k', guestMemoryMiB: 256, guestPort: 8080,
      vm: { kernelMs: 3000, initMs: 9000, answerMs: 11_300, rssBytes: 245_182_464, idleCpuPercent: 5.2, diskBytes: 16_415_203, kernelBytes: 14_190_528, initramfsBytes: 2_224_675, rootfsBytes: 4_403_332 },
      container: { answerMs: 310, memoryBytes: 466_944, idleCpuPercent: 0.2, imageBytes: 1_982_265, diskBytes: 1_982_265 },
      sameAnswer: true, idleSeconds: 3,
    });
    expect(text).toContain('TCG — emulated — slower than a real VM');
    expect(text).toMatch(/start → answering\s+310 ms\s+11\.3 s/);
    expect(text).toMatch(/memory\s+456 KiB\s+234 MiB/);
    expect(text).toContain('KVM did not reach');
    expect(text).toContain('same answer to GET /: yes');
  });
});
