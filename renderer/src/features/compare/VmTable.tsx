import type { CompareModel } from '../../../../shared/api/compare';
import { formatBinary, formatDecimal, formatDuration } from '../../../../shared/compare-units';
import { sourceText } from './chart-data';
import { FigureTable, type FigureColumn } from './FigureTable';

type PerVm = CompareModel['vm']['perVm'][number];

function columns(vm: CompareModel['vm']): FigureColumn<PerVm>[] {
  const p = vm.profile;
  const guest = p.guestMemoryBytes + p.overheadBytes;
  const memTip = `Guest OS memory: ${sourceText(p, 'memory')}${p.overheadBytes ? ` Plus host overhead: ${sourceText(p, 'overhead')}` : ''} Plus the workload’s measured memory.`;
  return [
    { header: 'As a VM', cell: (v) => v.name, cellClass: () => 'mono', total: `Total (${vm.count})` },
    {
      header: 'Memory (guest OS + workload)',
      tip: memTip,
      cell: (v) => (
        <>
          {formatBinary(v.memoryBytes)} <span className="muted small">= {formatBinary(guest)} + {formatBinary(v.workloadBytes)}</span>
        </>
      ),
      cellTestId: 'cmp-vm-mem',
      total: formatBinary(vm.memoryBytes),
      totalTip: memTip,
    },
    { header: 'vCPUs reserved', tip: sourceText(p, 'vcpus'), cell: () => p.vcpus, total: vm.vcpus },
    { header: 'OS disk', tip: sourceText(p, 'disk'), cell: () => (p.osDiskBytes === null ? (p.diskNote ?? 'not published') : formatDecimal(p.osDiskBytes)), total: vm.diskBytes === null ? '—' : formatDecimal(vm.diskBytes) },
    {
      header: 'Boot time',
      tip: sourceText(p, 'boot'),
      cell: () => (p.bootMs === null ? 'not published' : formatDuration(p.bootMs)),
      cellClass: () => (p.bootMs === null ? 'muted' : undefined),
      total: p.bootMs === null ? '—' : 'in parallel',
      totalClass: 'muted',
    },
    { header: 'Kernels', tip: 'Each VM runs its own guest kernel.', cellTip: null, cell: () => 1, total: vm.kernels },
  ];
}

/** The same workloads as VMs of the chosen profile: per-VM figures and the total, each with its source. */
export function VmTable({ model }: { model: CompareModel }) {
  return <FigureTable testId="cmp-vms" rows={model.vm.perVm} rowKey={(v) => v.id} rowAttrs={() => ({ 'data-testid': 'cmp-vm-row' })} columns={columns(model.vm)} totalTestId="cmp-vm-total-row" />;
}
