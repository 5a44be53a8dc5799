import type { BarRow } from './chart-data';

const PALETTE = ['#3b9eff', '#3fb950', '#d29922', '#bc8cff', '#f778ba', '#39c5cf', '#ff9b57', '#a5d6ff'];
const colorFor = (index: number, overhead?: boolean): string => {
  const base = index < 0 ? '#8b98a5' : PALETTE[index % PALETTE.length];
  return overhead ? `color-mix(in srgb, ${base} 35%, #263039)` : base;
};

const LABEL_W = 180;
const BAR_W = 520;
const VALUE_W = 250;
const ROW_H = 30;
const BAR_H = 18;

/**
 * Horizontal bars on one linear scale, one row per side; a row is stacked from its segments (one per
 * container, or per VM). Every segment and row carries a <title> that says how it was measured or where
 * the figure comes from. Tiny segments get a minimum width so they stay visible.
 */
export function BarChart({ title, rows, testId }: { title: string; rows: BarRow[]; testId: string }) {
  const max = Math.max(1, ...rows.map((r) => r.total ?? 0));
  const height = rows.length * ROW_H + 6;
  return (
    <figure className="cmp-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg role="img" aria-label={title} viewBox={`0 0 ${LABEL_W + BAR_W + VALUE_W} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        {rows.map((row, r) => {
          const y = r * ROW_H + 4;
          let x = LABEL_W;
          return (
            <g key={`${row.label}-${r}`} className="cmp-row">
              <title>{row.tooltip}</title>
              <text x={LABEL_W - 8} y={y + BAR_H / 2} textAnchor="end" dominantBaseline="central" className="cmp-label">
                {row.label.length > 22 ? `${row.label.slice(0, 21)}…` : row.label}
              </text>
              {row.segments === null ? (
                <text x={LABEL_W} y={y + BAR_H / 2} dominantBaseline="central" className="cmp-note" data-testid={`${testId}-note`}>
                  {row.note}
                </text>
              ) : (
                <>
                  {row.segments.map((s) => {
                    const w = Math.max(s.value > 0 ? 2 : 0, (s.value / max) * BAR_W);
                    const rect = (
                      <rect key={s.key} x={x} y={y} width={w} height={BAR_H} fill={colorFor(s.color, s.overhead)} stroke="#0f1419" strokeWidth={w > 3 ? 0.5 : 0}>
                        <title>{s.tooltip}</title>
                      </rect>
                    );
                    x += w;
                    return rect;
                  })}
                  <text x={x + 8} y={y + BAR_H / 2} dominantBaseline="central" className="cmp-value" data-testid={`${testId}-value`}>
                    {row.totalText}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
