import type { CompareModel, ContainerCost } from '../../../../shared/api/compare';
import { formatBinary, formatDecimal, formatDuration } from '../../../../shared/compare-units';
import { startHow } from './chart-data';
import { FigureTable, type FigureColumn } from './FigureTable';

const MEM_TIP = 'Memory in use without page cache (cgroup usage minus inactive_file), from the engine’s stats API — the figure docker stats shows.';
const CPU_TIP = 'CPU time used between this sample and the previous one (~2 s), as a share of one CPU (100 % = one full CPU).';
const DF_TIP = 'From the engine’s /system/df.';

const startTip = (c: ContainerCost) => `${startHow(c.startSource)}${c.readyMs !== null ? ` Port ${c.readyPort} first answered ${formatDuration(c.readyMs)} after create.` : ''}`;

function columns(t: CompareModel['totals']): FigureColumn<ContainerCost>[] {
  return [
    { header: 'Container', cell: (c) => c.name, cellTip: (c) => `${c.image} · ${c.id.slice(0, 12)}`, cellClass: () => 'mono', total: `Total (${t.count})` },
    { header: 'Memory (no page cache)', tip: MEM_TIP, cell: (c) => formatBinary(c.memoryBytes), cellTestId: 'cmp-mem', total: formatBinary(t.memoryBytes), totalTip: MEM_TIP },
    { header: 'CPU', tip: CPU_TIP, cell: (c) => (c.cpuPercent === null ? 'measuring…' : `${c.cpuPercent.toFixed(1)} %`), total: `${t.cpuPercent.toFixed(1)} %`, totalTip: CPU_TIP },
    { header: 'Processes', tip: 'Processes in the container (the engine’s pids count).', cellTip: null, cell: (c) => c.pids, total: t.pids },
    {
      header: 'Image',
      tip: `Image size, shared by every container of that image. ${DF_TIP}`,
      cellTip: DF_TIP,
      cell: (c) => formatDecimal(c.imageBytes),
      total: formatDecimal(t.imageBytes),
      totalTip: 'Each distinct image counted once: containers of one image share it.',
    },
    { header: 'Writable layer', tip: `What the container has written on top of its image. ${DF_TIP}`, cellTip: DF_TIP, cell: (c) => formatDecimal(c.writableBytes), total: formatDecimal(t.writableBytes) },
    {
      header: 'Start time',
      tip: 'Create → start, from the engine’s event times; † from inspect (Created → StartedAt) for containers started before Porthole was watching.',
      cellTip: startTip,
      cell: (c) => (
        <>
          {c.startMs === null ? 'not measurable' : `${formatDuration(c.startMs)}${c.startSource === 'inspect' ? ' †' : ''}`}
          {c.readyMs !== null && <span className="muted small"> · answers at {formatDuration(c.readyMs)}</span>}
        </>
      ),
      total: '0 kernels of their own',
      totalClass: 'muted',
    },
  ];
}

/** Each running container, measured, and the total. */
export function MeasuredTable({ model }: { model: CompareModel }) {
  return (
    <FigureTable
      testId="cmp-containers"
      rows={model.containers}
      rowKey={(c) => c.id}
      rowAttrs={(c) => ({ 'data-testid': 'cmp-container-row', 'data-name': c.name })}
      columns={columns(model.totals)}
      totalTestId="cmp-total-row"
    />
  );
}
