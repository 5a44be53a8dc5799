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
