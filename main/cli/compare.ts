import { parseArgs } from 'node:util';
import { PortholeError } from '../../shared/errors';
import { withCore, type CoreClient } from './core-client';
import { measureVmCommand } from './compare-vm';
import type { CompareModel } from '../../shared/api/compare';
import { formatBinary, formatDecimal, formatDuration } from '../../shared/compare-units';

const USAGE = `Usage: porthole compare [--json] [--profile <id>] [--interval-ms N]

Measures the running containers (memory without page cache, CPU over an interval, processes, image and
writable-layer sizes, start time) and sets them beside the same workloads as VMs of a profile.
  --json           print one JSON object
  --profile <id>   VM profile (default azure-b1s); see the app's Container vs VM panel for the list
  --interval-ms N  CPU interval: two samples this far apart, 1000 to 60000 (default 1000)

       porthole compare --measure-vm <container> [--json] [--tcg] [--kernel <vmlinuz>]
Boots the container's workload as a local QEMU VM and measures both: start until the port answers,
memory, disk, idle CPU. Needs QEMU, a Linux kernel and a static busybox (it says what to install).
  --tcg            skip hardware acceleration (TCG emulation only)
  --kernel <path>  the kernel to boot (default: found in /boot)`;

/** The CLI's JSON: the panel's model with the VM side flattened to the figures a script wants first. */
export function toCliJson(model: CompareModel): object {
  const { vm } = model;
  return {
    host: model.host,
    containers: model.containers,
    totals: model.totals,
    vm: {
      profile: vm.profile.id,
      profileName: vm.profile.name,
      memoryBytes: vm.memoryBytes,
      diskBytes: vm.diskBytes,
      bootMs: vm.bootMs,
      count: vm.count,
      vcpus: vm.vcpus,
      kernels: vm.kernels,
      perVm: vm.perVm,
      sources: vm.profile.sources,
    },
    density: model.density,
    sampledAtMs: model.sampledAtMs,
    intervalMs: model.intervalMs,
  };
}

const pad = (text: string, width: number) => (text.length >= width ? text.slice(0, width) : text + ' '.repeat(width - text.length));
const lpad = (text: string, width: number) => (text.length >= width ? text : ' '.repeat(width - text.length) + text);

export function toTable(model: CompareModel): string {
  const lines: string[] = [];
  const head = `${pad('CONTAINER', 28)} ${lpad('MEMORY*', 10)} ${lpad('CPU %', 7)} ${lpad('PIDS', 5)} ${lpad('IMAGE', 10)} ${lpad('WRITABLE', 10)} ${lpad('START', 10)}`;
  lines.push(head);
  for (const c of model.containers) {
    const start = c.startMs === null ? '—' : `${formatDuration(c.startMs)}${c.startSource === 'inspect' ? '†' : ''}`;
    lines.push(
      `${pad(c.name, 28)} ${lpad(formatBinary(c.memoryBytes), 10)} ${lpad(c.cpuPercent === null ? '—' : c.cpuPercent.toFixed(1), 7)} ${lpad(String(c.pids), 5)} ${lpad(formatDecimal(c.imageBytes), 10)} ${lpad(formatDecimal(c.writableBytes), 10)} ${lpad(start, 10)}`,
    );
  }
  const t = model.totals;
  lines.push(
    `${pad(`TOTAL (${t.count})`, 28)} ${lpad(formatBinary(t.memoryBytes), 10)} ${lpad(t.cpuPercent.toFixed(1), 7)} ${lpad(String(t.pids), 5)} ${lpad(formatDecimal(t.imageBytes), 10)} ${lpad(formatDecimal(t.writableBytes), 10)}`,
  );
  lines.push('* memory in use without page cache, as docker stats shows it. † start time from inspect (Created → StartedAt).');
  const vm = model.vm;
  const p = vm.profile;
  lines.push('');
  lines.push(`The same ${vm.count} workload(s) as VMs — ${p.name}:`);
  lines.push(`  memory  ${formatBinary(vm.memoryBytes)}  (${formatBinary(p.guestMemoryBytes + p.overheadBytes)} per VM + each workload)`);
  lines.push(`  vCPUs   ${vm.vcpus} reserved`);
  lines.push(`  disk    ${vm.diskBytes === null ? p.diskNote ?? 'not published' : `${formatDecimal(vm.diskBytes)} of OS disks`}`);
  lines.push(`  boot    ${vm.bootMs === null ? p.bootNote ?? 'not published' : formatDuration(vm.bootMs)}`);
  lines.push(`  kernels ${vm.kernels} (containers: 0 — they share the host's)`);
  lines.push('');
  const d = model.density;
  lines.push(`On this host (${formatBinary(model.host.memoryBytes)}, ${model.host.cpus} CPUs): ${d.containers ?? '—'} such containers fit, against ${d.vms} such VMs (${d.vmsBound}-bound).`);
  lines.push(d.rule);
  return lines.join('\n');
}

export async function compareCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      profile: { type: 'string' },
      'interval-ms': { type: 'string', default: '1000' },
      'measure-vm': { type: 'string' },
      tcg: { type: 'boolean', default: false },
      kernel: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const measured = values['measure-vm'];
  if (measured) return measureVmCommand({ container: measured, json: values.json, tcg: values.tcg, kernel: values.kernel });
  const intervalMs = Number(values['interval-ms']);
  return withCore(async (client) => {
    await client.core.connection.waitUntilConnected(10_000);
    const model = await secondSample(client, { profileId: values.profile, intervalMs }).catch((error: unknown) => {
      if (!(error instanceof PortholeError) || error.code !== 'VALIDATION') throw error;
      console.error(`porthole compare: ${error.message.replace(/^intervalMs:.*/, '--interval-ms must be a whole number from 1000 to 60000.')}`);
      return null;
    });
    if (!model) return 2;
    console.log(values.json ? JSON.stringify(toCliJson(model)) : toTable(model));
    return 0;
  });
}

/** The `compare:watch` stream's second model: CPU needs two samples an interval apart. */
async function secondSample(client: CoreClient, params: { profileId?: string; intervalMs: number }): Promise<CompareModel> {
  const stop = new AbortController();
  let seen = 0;
  let model: CompareModel | null = null;
  await client
    .stream('compare:watch', params, (m) => {
      if (++seen < 2) return;
      model = m;
      stop.abort();
    }, stop.signal)
    .catch((error: unknown) => {
      if (!model) throw error;
    });
  if (!model) throw new PortholeError('INTERNAL', 'The measurement ended before its second sample.');
  return model;
}
