import type { CompareModel, ContainerCost } from '../../../../shared/api/compare';
import type { VmMeasurement } from '../../../../shared/api/vm';
import { EMULATED_LABEL, formatBinary, formatDecimal, formatDuration } from '../../../../shared/compare-units';
import { sourceText } from './chart-data';

const ACCEL_NAMES: Record<string, string> = { kvm: 'KVM', hvf: 'Hypervisor.framework', whpx: 'WHPX', tcg: 'TCG' };

function Emulated({ m }: { m: VmMeasurement }) {
  return m.emulated ? <span className="cmp-emulated"> ({EMULATED_LABEL})</span> : null;
}

const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)} %`);

/**
 * One workload three ways: the container and the same workload as a local QEMU VM, both measured in
 * one run on this machine, and the chosen cloud profile, quoted with its sources. Density is worked
 * out from the measured figures.
 */
export function ThreeWays({ m, model, live }: { m: VmMeasurement; model: CompareModel; live: ContainerCost | null }) {
  const p = model.vm.profile;
  const accel = ACCEL_NAMES[m.accelerator] ?? m.accelerator;
  const cloudMemory = p.guestMemoryBytes + p.overheadBytes + m.container.memoryBytes;
  const hostMemory = model.host.memoryBytes;
  const fit = (per: number) => (per > 0 ? Math.floor(hostMemory / per).toLocaleString() : '—');
  const vmHow = `QEMU ${accel} on ${m.kernel}, guest given ${m.guestMemoryMiB} MiB; measured ${new Date(m.measuredAtMs).toLocaleString()} on ${m.machine.hostname} (${m.machine.cpus} × ${m.machine.cpuModel}).`;
  return (
    <div className="cmp-three-wrap">
      <table className="cmp-table cmp-three" data-testid="cmp-three">
        <caption className="muted small">
          {m.containerName} ({m.image}): the container and the local VM were measured in the same run; the cloud column is quoted.
        </caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col" data-testid="cmp-three-container" title="A fresh container of the same image and config, started and measured by Porthole.">
              Container (measured)
            </th>
            <th scope="col" data-testid="cmp-three-vm" title={vmHow}>
              Local VM, {accel} (measured){m.emulated ? ' — emulated' : ''}
            </th>
            <th scope="col" data-testid="cmp-three-cloud" title={p.sources.map((s) => s.text).join(' ')}>
              {p.name} (quoted)
            </th>
          </tr>
        </thead>
        <tbody>
          <tr data-testid="cmp-three-start">
            <th scope="row">Start → answering</th>
            <td title="Create → the port answered an HTTP request (same probe both sides).">{formatDuration(m.container.answerMs)}</td>
            <td title={`QEMU launched → kernel ${m.vm.kernelMs === null ? '—' : formatDuration(m.vm.kernelMs)} → init ${m.vm.initMs === null ? '—' : formatDuration(m.vm.initMs)} → the forwarded port answered.`}>
              {formatDuration(m.vm.answerMs)}
              <Emulated m={m} />
            </td>
            <td title={sourceText(p, 'boot')}>{p.bootMs === null ? (p.bootNote ?? 'not published') : `${formatDuration(p.bootMs)} boot`}</td>
          </tr>
          <tr data-testid="cmp-three-memory">
            <th scope="row">Memory</th>
            <td title="Without page cache, once it answered (as docker stats shows it).">
              {formatBinary(m.container.memoryBytes)}
              {live && <span className="muted small"> · now {formatBinary(live.memoryBytes)}</span>}
            </td>
            <td title="The QEMU process’s resident memory once the workload answered (VmRSS).">
              {formatBinary(m.vm.rssBytes)}
              <Emulated m={m} />
            </td>
            <td title={`${sourceText(p, 'memory')} Plus the workload’s measured memory.`}>{formatBinary(cloudMemory)}</td>
          </tr>
          <tr data-testid="cmp-three-disk">
            <th scope="row">Disk</th>
            <td title="Image + the container’s writable layer.">{formatDecimal(m.container.diskBytes)}</td>
            <td title={`Kernel ${formatDecimal(m.vm.kernelBytes)} + initramfs ${formatDecimal(m.vm.initramfsBytes)} (the container’s files unpacked: ${formatDecimal(m.vm.rootfsBytes)}).`}>
              {formatDecimal(m.vm.diskBytes)}
              <Emulated m={m} />
            </td>
            <td title={sourceText(p, 'disk')}>{p.osDiskBytes === null ? (p.diskNote ?? 'not published') : formatDecimal(p.osDiskBytes)}</td>
          </tr>
          <tr data-testid="cmp-three-cpu">
            <th scope="row">CPU while idle</th>
            <td title={`Over ${m.idleSeconds} s after it answered; 100 % = one CPU.`}>{pct(m.container.idleCpuPercent)}</td>
            <td title={`The QEMU process over ${m.idleSeconds} s after it answered (/proc/PID/stat); 100 % = one CPU.`}>
              {pct(m.vm.idleCpuPercent)}
              <Emulated m={m} />
            </td>
            <td title={sourceText(p, 'vcpus')}>{p.vcpus} vCPU reserved</td>
          </tr>
          <tr data-testid="cmp-three-density">
            <th scope="row">Fit on this host (memory)</th>
            <td title="floor(host memory ÷ the container’s measured memory).">{fit(Math.max(m.container.memoryBytes, 4096))}</td>
            <td title="floor(host memory ÷ the QEMU process’s measured resident memory).">
              {fit(m.vm.rssBytes)}
              <Emulated m={m} />
            </td>
            <td title="floor(host memory ÷ (guest memory + overhead + workload)) from the profile.">{fit(cloudMemory)}</td>
          </tr>
        </tbody>
      </table>
      {m.fallback && <p className="muted small">{m.fallback}</p>}
      <p className="muted small">
        Sources for the cloud column:{' '}
        {p.sources.length
          ? p.sources.map((s, i) => (
              <span key={i} data-testid="cmp-three-source">
                {i > 0 && ' · '}
                {s.url ? <a href={s.url} target="_blank" rel="noreferrer">{s.text}</a> : s.text}
              </span>
            ))
          : 'none recorded'}
      </p>
      <p className="muted small">
        {m.sameAnswer === true ? 'The VM answered the same page as the container.' : m.sameAnswer === false ? 'The VM’s page differed from the container’s.' : ''}
      </p>
    </div>
  );
}
