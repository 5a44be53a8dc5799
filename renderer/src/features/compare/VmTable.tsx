import type { CompareModel } from '../../../../shared/api/compare';
import { formatBinary, formatDecimal, formatDuration } from '../../../../shared/compare-units';
import { sourceText } from './chart-data';

/** The same workloads as VMs of the chosen profile: per-VM figures and the total, each with its source. */
export function VmTable({ model }: { model: CompareModel }) {
  const { vm } = model;
  const p = vm.profile;
  const guest = p.guestMemoryBytes + p.overheadBytes;
  const memTip = `Guest OS memory: ${sourceText(p, 'memory')}${p.overheadBytes ? ` Plus host overhead: ${sourceText(p, 'overhead')}` : ''} Plus the workload’s measured memory.`;
  const diskText = p.osDiskBytes === null ? p.diskNote ?? 'not published' : formatDecimal(p.osDiskBytes);
  const bootText = p.bootMs === null ? 'not published' : formatDuration(p.bootMs);
  return (
    <table className="cmp-table" data-testid="cmp-vms">
      <thead>
        <tr>
          <th>As a VM</th>
          <th title={memTip}>Memory (guest OS + workload)</th>
          <th title={sourceText(p, 'vcpus')}>vCPUs reserved</th>
          <th title={sourceText(p, 'disk')}>OS disk</th>
          <th title={sourceText(p, 'boot')}>Boot time</th>
          <th title="Each VM runs its own guest kernel.">Kernels</th>
        </tr>
      </thead>
      <tbody>
        {vm.perVm.map((v) => (
          <tr key={v.id} data-testid="cmp-vm-row">
            <td className="mono">{v.name}</td>
            <td title={memTip} data-testid="cmp-vm-mem">
              {formatBinary(v.memoryBytes)} <span className="muted small">= {formatBinary(guest)} + {formatBinary(v.workloadBytes)}</span>
            </td>
            <td title={sourceText(p, 'vcpus')}>{p.vcpus}</td>
            <td title={sourceText(p, 'disk')}>{diskText}</td>
            <td title={sourceText(p, 'boot')} className={p.bootMs === null ? 'muted' : undefined}>
              {bootText}
            </td>
            <td>1</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-testid="cmp-vm-total-row">
          <th>Total ({vm.count})</th>
          <th title={memTip}>{formatBinary(vm.memoryBytes)}</th>
          <th>{vm.vcpus}</th>
          <th>{vm.diskBytes === null ? '—' : formatDecimal(vm.diskBytes)}</th>
          <th className="muted">{p.bootMs === null ? '—' : 'in parallel'}</th>
          <th>{vm.kernels}</th>
        </tr>
      </tfoot>
    </table>
  );
}
