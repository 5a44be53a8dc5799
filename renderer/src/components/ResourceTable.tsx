import type { KeyboardEvent, ReactNode } from 'react';
import './kit.css';

export type SortDir = 'asc' | 'desc';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** `clip`: one line cut with an ellipsis (the full text in `title`); `num`: right-aligned figures; `actions`: buttons. */
  kind?: 'clip' | 'num' | 'actions' | 'text';
  /** Columns a narrow window can do without: hidden below that width of the table. */
  hideBelow?: 'narrow' | 'medium';
  title?: (row: T) => string | undefined;
  sort?: { active: boolean; dir: SortDir; onSort: () => void };
}

export interface ResourceTableProps<T> {
  label: string;
  rows: T[];
  rowKey: (row: T) => string;
  columns: Column<T>[];
  /** Extra attributes for a row (test ids, data-name…). */
  rowAttrs?: (row: T) => Record<string, string | undefined>;
  highlight?: (row: T) => boolean;
  testId?: string;
}

/** Arrow keys, Home and End move between rows; Tab moves into a row's buttons. */
function moveBetweenRows(e: KeyboardEvent<HTMLTableSectionElement>) {
  const row = (e.target as HTMLElement).closest('tr');
  if (!row || !['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
  if ((e.target as HTMLElement).matches('input, select, textarea')) return;
  const rows = Array.from(e.currentTarget.querySelectorAll<HTMLTableRowElement>(':scope > tr'));
  const at = rows.indexOf(row);
  const next = e.key === 'Home' ? rows[0] : e.key === 'End' ? rows.at(-1) : rows[at + (e.key === 'ArrowDown' ? 1 : -1)];
  if (!next) return;
  e.preventDefault();
  next.focus();
}

const cellClass = (c: Column<unknown>) => [c.kind ? `rt-${c.kind}` : '', c.hideBelow ? `rt-hide-${c.hideBelow}` : ''].filter(Boolean).join(' ') || undefined;

/**
 * The one table of the app's resource lists. It fits its panel at any width: long values clip with an
 * ellipsis, optional columns fold away in narrow panels, and action buttons wrap instead of overflowing.
 */
export function ResourceTable<T>({ label, rows, rowKey, columns, rowAttrs, highlight, testId }: ResourceTableProps<T>) {
  return (
    <div className="panel rt-panel">
      <table className="rt" aria-label={label} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} className={cellClass(c as Column<unknown>)} aria-sort={c.sort ? (c.sort.active ? (c.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none') : undefined}>
                {c.sort ? (
                  <button type="button" className="th-button" onClick={c.sort.onSort}>
                    {c.header}
                    <span className="sort-mark" aria-hidden>
                      {c.sort.active ? (c.sort.dir === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                ) : c.kind === 'actions' ? (
                  <span className="sr-only">{c.header}</span>
                ) : (
                  c.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody onKeyDown={moveBetweenRows}>
          {rows.map((row, i) => (
            <tr key={rowKey(row)} tabIndex={i === 0 ? 0 : -1} className={highlight?.(row) ? 'rt-focus' : undefined} {...rowAttrs?.(row)}>
              {columns.map((c) => (
                <td key={c.key} className={cellClass(c as Column<unknown>)} title={c.title?.(row)}>
                  {c.kind === 'actions' ? <div className="rt-action-group">{c.cell(row)}</div> : c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
