import { median, round } from './stats';

export interface Figure {
  id: string;
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  baselineName?: string;
  ratio?: number;
  goal: string;
  /** undefined where the figure has no pass/fail goal. */
  met?: boolean;
  note?: string;
}

/** The usual time figure: Porthole's median ÷ the CLI's median for the same work, met at ≤ 1.10×. */
export function ratioFigure(figure: { id: string; name: string; porthole: number[]; cli: number[]; baselineName: string; note?: string }): Figure {
  const p = median(figure.porthole);
  const c = median(figure.cli);
  return {
    id: figure.id,
    name: figure.name,
    value: round(p),
    unit: 'ms',
    baseline: round(c),
    baselineName: figure.baselineName,
    ratio: round(p / c),
    goal: '≤ 1.10×',
    met: p / c <= 1.1,
    ...(figure.note === undefined ? {} : { note: figure.note }),
  };
}
