import type { CompareModel } from '../../../../shared/api/compare';
import { formatBinary, formatDecimal, formatDuration } from '../../../../shared/compare-units';
import { startHow } from './chart-data';

const MEM_TIP = 'Memory in use without page cache (cgroup usage minus inactive_file), from the engine’s stats API — the figure docker stats shows.';
const CPU_TIP = 'CPU time used between this sample and the previous one (~2 s), as a share of one CPU (100 % = one full CPU).';
const DF_TIP = 'From the engine’s /system/df.';

/** Each running container, measured, and the total. */
export function MeasuredTable({ model }: { model: CompareModel }) {
  const t = model.totals;
  return (
    <table className="cmp-table" data-testid="cmp-containers">
      <thead>
        <tr>
          <th>Container</th>
          <th title={MEM_TIP}>Memory (no page cache)</th>
          <th title={CPU_TIP}>CPU</th>
          <th title="Processes in the container (the engine’s pids count).">Processes</th>
          <th title={`Image size, shared by every container of that image. ${DF_TIP}`}>Image</th>
          <th title={`What the container has written on top of its image. ${DF_TIP}`}>Writable layer</th>
          <th title="Create → start, from the engine’s event times; † from inspect (Created → StartedAt) for containers started before Porthole was watching.">Start time</th>
        </tr>
      </thead>
      <tbody>
        {model.containers.map((c) => (
          <tr key={c.id} data-testid="cmp-container-row" data-name={c.name}>
            <td className="mono" title={`${c.image} · ${c.id.slice(0, 12)}`}>
              {c.name}
            </td>
            <td title={MEM_TIP} data-testid="cmp-mem">
              {formatBinary(c.memoryBytes)}
            </td>
            <td title={CPU_TIP}>{c.cpuPercent === null ? 'measuring…' : `${c.cpuPercent.toFixed(1)} %`}</td>
            <td>{c.pids}</td>
            <td title={DF_TIP}>{formatDecimal(c.imageBytes)}</td>
            <td title={DF_TIP}>{formatDecimal(c.writableBytes)}</td>
            <td title={`${startHow(c.startSource)}${c.readyMs !== null ? ` Port ${c.readyPort} first answered ${formatDuration(c.readyMs)} after create.` : ''}`}>
              {c.startMs === null ? 'not measurable' : `${formatDuration(c.startMs)}${c.startSource === 'inspect' ? ' †' : ''}`}
              {c.readyMs !== null && <span className="muted small"> · answers at {formatDuration(c.readyMs)}</span>}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-testid="cmp-total-row">
          <th>Total ({t.count})</th>
          <th title={MEM_TIP}>{formatBinary(t.memoryBytes)}</th>
          <th title={CPU_TIP}>{t.cpuPercent.toFixed(1)} %</th>
          <th>{t.pids}</th>
          <th title="Each distinct image counted once: containers of one image share it.">{formatDecimal(t.imageBytes)}</th>
          <th>{formatDecimal(t.writableBytes)}</th>
          <th className="muted">0 kernels of their own</th>
        </tr>
      </tfoot>
    </table>
  );
}
