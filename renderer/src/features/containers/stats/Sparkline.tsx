/** How far back the chart's left edge is, in words ("2 min ago", "40 s ago"). */
const spanText = (seconds: number): string => (seconds >= 90 ? `${Math.round(seconds / 60)} min ago` : seconds >= 1 ? `${Math.round(seconds)} s ago` : 'first sample');

/**
 * A small hand-drawn line chart: one or two series over the same time axis, scaled from 0 to `max` (or their
 * peak), with the scale written on the left (top and bottom values) and the time span below.
 */
export function Sparkline({ series, max, label, format, spanSeconds }: { series: { values: number[]; className: string }[]; max?: number; label: string; format: (v: number) => string; spanSeconds: number }) {
  const width = 240;
  const height = 56;
  const peak = max ?? Math.max(1e-9, ...series.flatMap((s) => s.values));
  const points = (values: number[]) =>
    values
      .map((v, i) => {
        const x = values.length <= 1 ? width : (i / (values.length - 1)) * width;
        const y = height - 2 - (Math.min(v, peak) / peak) * (height - 4);
        return `${x.toFixed(1)},${y.toFixed(1)}`;
      })
      .join(' ');
  const top = peak < 1e-6 ? format(0) : format(peak);
  return (
    <figure className="chart">
      <div className="chart-y" aria-hidden>
        <span>{top}</span>
        <span>{format(0)}</span>
      </div>
      <svg className="sparkline" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={`${label}, from 0 to ${top}, since ${spanText(spanSeconds)}`}>
        <line x1="0" x2={width} y1="1" y2="1" className="spark-grid" />
        <line x1="0" x2={width} y1={height / 2} y2={height / 2} className="spark-grid" />
        <line x1="0" x2={width} y1={height - 1} y2={height - 1} className="spark-axis" />
        {series.map((s) => (s.values.length > 0 ? <polyline key={s.className} points={points(s.values)} className={s.className} fill="none" /> : null))}
      </svg>
      <div className="chart-x" aria-hidden>
        <span>{spanText(spanSeconds)}</span>
        <span>now</span>
      </div>
    </figure>
  );
}
