/** A small hand-drawn line chart: one or two series over the same time axis, scaled to their own peak. */
export function Sparkline({ series, max, label }: { series: { values: number[]; className: string }[]; max?: number; label: string }) {
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
  return (
    <svg className="sparkline" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={label}>
      <line x1="0" x2={width} y1={height - 1} y2={height - 1} className="spark-axis" />
      {series.map((s) => (s.values.length > 0 ? <polyline key={s.className} points={points(s.values)} className={s.className} fill="none" /> : null))}
    </svg>
  );
}
