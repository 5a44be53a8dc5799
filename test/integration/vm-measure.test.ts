import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VmMeasureEvent, VmMeasurement, VmResults } from '../../shared/api/vm';
import { PortholeError } from '../../shared/errors';
import type { PortholeCore } from '../../main/core';
import { TWIN_LABEL } from '../../main/vm/container-twin';
import { fetchRoot } from '../../main/vm/http-body';
import { detectSetup } from '../../main/vm/toolchain';
import { startCore } from '../support/core';
import { docker, dockerCli, makeContext, RUN_ID, TEST_LABEL } from '../support/engine';
import { testLabels, uniqueName } from '../support/run-id';

// Real QEMU (TCG: this host's /dev/kvm is absent or hangs nested guests) on Debian's cloud kernel.
// Each boot takes ~6–30 s on 2 busy cores, so this file boots three times in all.
const PAGE = '<h1>same workload, container or VM</h1>\n';
const setup = await detectSetup();
const missing = setup.ready ? null : setup.problems.join(' ');

let core: PortholeCore;
let image = '';
const containers: string[] = [];

async function porthole(): Promise<{ qemu: string[]; temps: string[] }> {
  const qemu: string[] = [];
  for (const pid of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(pid)) continue;
    const cmd = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmd.includes('qemu-system') && cmd.includes('porthole-vm-')) qemu.push(`${pid}: ${cmd.replace(/\0/g, ' ')}`);
  }
  const temps = (await readdir(tmpdir())).filter((n) => n.startsWith('porthole-vm-'));
  return { qemu, temps };
}

async function runWeb(cmd: string[]): Promise<{ id: string; port: number }> {
  const id = await dockerCli('run', '-d', '--label', `${TEST_LABEL}=${RUN_ID}`, '--name', uniqueName('vm-web'), '-p', '127.0.0.1::8080', image, ...cmd);
  containers.push(id);
  const port = Number((await dockerCli('port', id, '8080/tcp')).split(':').pop());
  return { id, port };
}

async function twinsLeft(): Promise<number> {
  return (await docker.listContainers({ all: true, filters: { label: [TWIN_LABEL, `${TEST_LABEL}=${RUN_ID}`] } })).length;
}

describe.skipIf(missing !== null)('measure a container’s workload as a local VM (QEMU, TCG)', () => {
  let before: { qemu: string[]; temps: string[] };

  beforeAll(async () => {
    process.env.PORTHOLE_DATA_DIR = await mkdtemp(join(tmpdir(), 'porthole-vmdata-'));
    image = `porthole-test-vmweb:${RUN_ID}`;
    const dir = await makeContext({ Dockerfile: 'FROM scratch\nCOPY busybox /bin/busybox\nCOPY www /www\nWORKDIR /www\nENV GREETING=hello\nEXPOSE 8080\n', 'www/index.html': PAGE }, { busybox: true });
    await dockerCli('build', '-q', '--label', `${TEST_LABEL}=${RUN_ID}`, '-t', image, dir);
    core = await startCore();
    before = await porthole();
  });

  afterAll(async () => {
    await Promise.all(containers.map((id) => docker.getContainer(id).remove({ force: true }).catch(() => {})));
    await docker.getImage(image).remove({ force: true }).catch(() => {});
    core?.stop();
  });

  const measure = (container: string, events: VmMeasureEvent[], signal: AbortSignal, extra: { answerTimeoutMs?: number; onAnswering?: (port: number) => Promise<void> } = {}) =>
    core.services.vm.measure(
      { container, accelerator: 'tcg', answerTimeoutMs: extra.answerTimeoutMs ?? 120_000, idleSeconds: 1 },
      (e) => events.push(e),
      signal,
      { labels: testLabels(), onAnswering: extra.onAnswering },
    );

  it('boots the same workload, answers the same page through the forward, and reports sane figures labelled emulated', async () => {
    const web = await runWeb(['/bin/busybox', 'httpd', '-f', '-p', '8080', '-h', '/www']);
    const containerPage = (await fetchRoot(web.port))?.toString();
    expect(containerPage).toBe(PAGE);
    let vmPage: string | undefined;
    const events: VmMeasureEvent[] = [];
    const m: VmMeasurement = await measure(web.id, events, new AbortController().signal, {
      onAnswering: async (port) => {
        vmPage = (await fetchRoot(port))?.toString();
      },
    });
    expect(vmPage).toBe(PAGE);
    expect(m.sameAnswer).toBe(true);
    expect(m.accelerator).toBe('tcg');
    expect(m.emulated).toBe(true);
    expect(m.vm.answerMs).toBeGreaterThan(0);
    expect(m.vm.kernelMs).toBeGreaterThan(0);
    expect(m.vm.initMs!).toBeGreaterThan(m.vm.kernelMs!);
    expect(m.vm.answerMs).toBeGreaterThan(m.vm.initMs!);
    expect(m.container.answerMs).toBeGreaterThan(0);
    expect(m.vm.rssBytes).toBeGreaterThan(m.container.memoryBytes);
    expect(m.vm.diskBytes).toBe(m.vm.kernelBytes + m.vm.initramfsBytes);
    expect(m.vm.rootfsBytes).toBeGreaterThan(m.vm.initramfsBytes);
    expect(m.container.diskBytes).toBeGreaterThanOrEqual(m.container.imageBytes);
    expect(m.vm.idleCpuPercent).toBeGreaterThanOrEqual(0);
    expect(m.machine.cpus).toBeGreaterThan(0);
    const phases = events.flatMap((e) => (e.kind === 'phase' ? [e.phase] : []));
    for (const p of ['container', 'export', 'pack', 'launch', 'kernel', 'init', 'network', 'answering', 'done'] as const) expect(phases).toContain(p);
    expect(events.at(-1)).toMatchObject({ kind: 'result' });

    // Kept per image, with date, machine and accelerator, readable through the router.
    const kept = await core.router.invoke('compare:vm-results', {}, { connectionId: 'vm-test' });
    expect(kept.ok && (kept.data as VmResults).results[0].imageId).toBe(m.imageId);
    expect(await porthole()).toEqual(before);
    expect(await twinsLeft()).toBe(0);
  }, 240_000);

  it('stops QEMU and removes its files when cancelled halfway through the boot', async () => {
    const web = await runWeb(['/bin/busybox', 'httpd', '-f', '-p', '8080', '-h', '/www']);
    const stop = new AbortController();
    const events: VmMeasureEvent[] = [];
    const run = measure(web.id, events, stop.signal);
    const sawKernel = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (events.some((e) => e.kind === 'phase' && e.phase === 'kernel')) {
          clearInterval(timer);
          resolve();
        }
      }, 50);
    });
    await sawKernel;
    const during = await porthole();
    expect(during.qemu.length).toBe(before.qemu.length + 1);
    stop.abort();
    const error = await run.catch((e: unknown) => e);
    expect((error as PortholeError).code).toBe('CANCELLED');
    expect(await porthole()).toEqual(before);
    expect(await twinsLeft()).toBe(0);
  }, 180_000);

  it('gives up after a bounded wait when the workload never answers in the VM, with the console tail', async () => {
    // Answers as a container; inside the VM (where /.porthole exists) it only sleeps.
    const web = await runWeb(['/bin/busybox', 'sh', '-c', 'if [ -d /.porthole ]; then exec /bin/busybox sleep 600; fi; exec /bin/busybox httpd -f -p 8080 -h /www']);
    const started = Date.now();
    const error = await measure(web.id, [], new AbortController().signal, { answerTimeoutMs: 25_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortholeError);
    expect((error as PortholeError).code).toBe('TIMEOUT');
    expect((error as PortholeError).message).toMatch(/did not answer on port 8080 within 25 s/);
    expect((error as PortholeError).message).toMatch(/console ended with:\n.*\S/);
    expect(Date.now() - started).toBeLessThan(25_000 + 30_000);
    expect(await porthole()).toEqual(before);
    expect(await twinsLeft()).toBe(0);
  }, 180_000);
});

describe.skipIf(missing === null)('measure as a VM without QEMU', () => {
  it('says what is missing', () => {
    expect(missing).toMatch(/QEMU|kernel|busybox/);
  });
});
