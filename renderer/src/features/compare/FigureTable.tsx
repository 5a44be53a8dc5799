import type { ReactNode } from 'react';

/** One figure of a comparison table: its header, each row's value, the total, and where each comes from. */
export interface FigureColumn<T> {
  header: string;
  /** The header's tooltip: how the figure is measured or where it is quoted from. */
  tip?: string;
  cell: (row: T) => ReactNode;
  /** The cells' tooltip; the column's `tip` when left out. */
  cellTip?: string | ((row: T) => string) | null;
  cellClass?: (row: T) => string | undefined;
  cellTestId?: string;
  total: ReactNode;
  totalTip?: string;
  totalClass?: string;
}

/** The measured containers and the same workloads as VMs share this table: a row each, then the total. */
export function FigureTable<T>({ testId, rows, rowKey, rowAttrs, columns, totalTestId }: { testId: string; rows: T[]; rowKey: (row: T) => string; rowAttrs: (row: T) => Record<string, string>; columns: FigureColumn<T>[]; totalTestId: string }) {
  const tipOf = (c: FigureColumn<T>, row: T) => (typeof c.cellTip === 'function' ? c.cellTip(row) : c.cellTip === undefined ? c.tip : (c.cellTip ?? undefined));
  return (
    <table className="cmp-table" data-testid={testId}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} title={c.tip}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} {...rowAttrs(row)}>
            {columns.map((c) => (
              <td key={c.header} title={tipOf(c, row)} className={c.cellClass?.(row)} data-testid={c.cellTestId}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-testid={totalTestId}>
          {columns.map((c) => (
            <th key={c.header} title={c.totalTip} className={c.totalClass}>
              {c.total}
            </th>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}
