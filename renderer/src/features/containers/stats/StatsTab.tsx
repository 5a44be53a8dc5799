import type { ReactNode } from 'react';
import type { StatsSample } from '../../../../../shared/api/containers';
import { useStatsHistory } from '../../../store/stats-store';
import { formatBytes, formatMemory } from '../../../lib/format';
import { ErrorBox } from '../../../components/ErrorBox';
import { EmptyState } from '../../../components/EmptyState';
import { Sparkline } from './Sparkline';
import { useStatsStream } from './use-stats-stream';

/** Bytes per second between consecutive samples of a cumulative counter. */
export function rates(samples: StatsSample[], pick: (s: StatsSample) => number): number[] {
  const out: number[] = [];
  for (let i = 1; i < samples.length; i++) {
    const seconds = Math.max(0.001, (samples[i].timeMs - samples[i - 1].timeMs) / 1000);
    out.push(Math.max(0, (pick(samples[i]) - pick(samples[i - 1])) / seconds));
  }
  return out;
}

/** Two counters' rates as a chart's two lines: in (or read) and out (or written). */
const inAndOut = (samples: StatsSample[], inOf: (s: StatsSample) => number, outOf: (s: StatsSample) => number) => [
  { values: rates(samples, inOf), className: 'spark-a' },
  { values: rates(samples, outOf), className: 'spark-b' },
];

function Card({ title, value, note, children }: { title: string; value: ReactNode; note?: string; children: ReactNode }) {
  return (
    <section className="stat-card" aria-label={title}>
      <div className="stat-card-head">
        <span className="stat-label">{title}</span>
        <span className="stat-card-value">{value}</span>
      </div>
      {children}
      {note && <div className="muted small">{note}</div>}
    </section>
  );
}

export function StatsTab({ id, running }: { id: string; running: boolean }) {
  const { error } = useStatsStream(id, running);
  const samples = useStatsHistory(id);
  if (!running) return <EmptyState title="No live stats">Stats are measured while the container runs. Start it to see CPU, memory, network and disk use.</EmptyState>;
  if (error) return <ErrorBox error={error} />;
  const last = samples.at(-1);
  if (!last) return <p className="muted">Waiting for the first sample (the engine sends one a second)…</p>;
  const cpuMax = Math.max(100, ...samples.map((s) => s.cpuPercent));
  const spanSeconds = (last.timeMs - samples[0].timeMs) / 1000;
  const percent = (v: number) => `${Math.round(v)} %`;
  const perSecond = (v: number) => `${formatBytes(Math.round(v), 0)}/s`;
  return (
    <div className="stat-cards" data-testid="stats-view">
      <Card title="CPU" value={`${last.cpuPercent.toFixed(1)} %`} note={`Of ${last.onlineCpus} CPU${last.onlineCpus === 1 ? '' : 's'} (100 % = one full CPU), from the change since the last sample.`}>
        <Sparkline label="CPU use" format={percent} spanSeconds={spanSeconds} max={cpuMax} series={[{ values: samples.map((s) => s.cpuPercent), className: 'spark-a' }]} />
      </Card>
      <Card
        title="Memory (without page cache)"
        value={`${formatMemory(last.memoryBytes)} / ${last.memoryLimitBytes ? formatMemory(last.memoryLimitBytes) : 'no limit'}`}
        note="Used memory without the page cache, as docker stats counts it."
      >
        <Sparkline label="Memory use" format={formatMemory} spanSeconds={spanSeconds} max={last.memoryLimitBytes || undefined} series={[{ values: samples.map((s) => s.memoryBytes), className: 'spark-a' }]} />
      </Card>
      <Card title="Network I/O" value={`↓ ${formatBytes(last.netRxBytes)} · ↑ ${formatBytes(last.netTxBytes)}`} note="Totals received / sent; the chart shows the rate (blue in, green out).">
        <Sparkline label="Network rate" format={perSecond} spanSeconds={spanSeconds} series={inAndOut(samples, (s) => s.netRxBytes, (s) => s.netTxBytes)} />
      </Card>
      <Card title="Block I/O" value={`read ${formatBytes(last.blockReadBytes)} · written ${formatBytes(last.blockWriteBytes)}`} note="Totals read / written; the chart shows the rate (blue read, green write).">
        <Sparkline label="Disk rate" format={perSecond} spanSeconds={spanSeconds} series={inAndOut(samples, (s) => s.blockReadBytes, (s) => s.blockWriteBytes)} />
      </Card>
      <p className="muted small stat-foot">
        {last.pids} process{last.pids === 1 ? '' : 'es'} · {samples.length} sample{samples.length === 1 ? '' : 's'} (kept for two minutes)
      </p>
    </div>
  );
}
