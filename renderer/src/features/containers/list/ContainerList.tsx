import { useCallback, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ContainerSummary } from '../../../../../shared/dto';
import { useStore } from '../../../store';
import { ContainerRow } from './ContainerRow';

const ROW_HEIGHT = 52;
const GROUP_HEIGHT = 34;

type Item = { kind: 'group'; project: string; count: number } | { kind: 'row'; container: ContainerSummary };

/** Flattens the rows into group headers + rows (rows arrive already ordered by project). */
export function withGroups(rows: ContainerSummary[], grouped: boolean): Item[] {
  if (!grouped || !rows.some((r) => r.composeProject)) return rows.map((container) => ({ kind: 'row', container }));
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.composeProject ?? '', (counts.get(r.composeProject ?? '') ?? 0) + 1);
  const items: Item[] = [];
  let last: string | null = null;
  for (const container of rows) {
    const project = container.composeProject ?? '';
    if (project !== last) items.push({ kind: 'group', project, count: counts.get(project) ?? 0 });
    last = project;
    items.push({ kind: 'row', container });
  }
  return items;
}

export function ContainerList({ rows, onOpen, onRemove }: { rows: ContainerSummary[]; onOpen: (id: string) => void; onRemove: (ids: string[]) => void }) {
  const grouped = useStore((s) => s.groupByProject);
  const shownIds = useMemo(() => new Set(rows.map((r) => r.id)), [rows]);
  // Counts over the selection (usually small), not over every shown row: this runs on every scroll frame.
  const selectedCount = useStore((s) => {
    let n = 0;
    for (const id in s.selectedContainers) if (shownIds.has(id)) n++;
    return n;
  });
  const setSelected = useStore((s) => s.setContainersSelected);
  const items = useMemo(() => withGroups(rows, grouped), [rows, grouped]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable while the items are: the virtualizer re-measures every item (5,000) whenever these change, and the
  // list re-renders on every scroll frame.
  const estimateSize = useCallback((i: number) => (items[i].kind === 'group' ? GROUP_HEIGHT : ROW_HEIGHT), [items]);
  const getItemKey = useCallback(
    (i: number) => {
      const item = items[i];
      return item.kind === 'group' ? `group:${item.project}` : item.container.id;
    },
    [items],
  );
  const getScrollElement = useCallback(() => scrollRef.current, []);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement, estimateSize, getItemKey, overscan: 8 });
  const allSelected = rows.length > 0 && selectedCount === rows.length;

  return (
    <div className="ct-table" role="table" aria-label="Containers" aria-rowcount={rows.length}>
      <div className="ct-head ct-grid" role="row">
        <span role="columnheader">
          <input
            type="checkbox"
            aria-label="Select all shown containers"
            checked={allSelected}
            ref={(el) => {
              if (el) el.indeterminate = selectedCount > 0 && !allSelected;
            }}
            onChange={() => setSelected(rows.map((r) => r.id), !allSelected)}
          />
        </span>
        <span role="columnheader">Name</span>
        <span role="columnheader">Image</span>
        <span role="columnheader">State</span>
        <span role="columnheader">Ports</span>
        <span role="columnheader">Created</span>
        <span role="columnheader">Actions</span>
      </div>
      <div className="ct-scroll" ref={scrollRef} data-testid="container-scroll">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const item = items[v.index];
            const style = { position: 'absolute' as const, top: 0, left: 0, right: 0, height: v.size, transform: `translateY(${v.start}px)` };
            if (item.kind === 'group') {
              return (
                <div key={v.key} className="ct-group" style={style} role="row" data-testid="container-group">
                  <span role="cell" className="ct-group-cell">
                    <span className="ct-group-name">{item.project ? `Compose project ${item.project}` : 'Not in a compose project'}</span>
                    <span className="muted small">
                      {item.count} container{item.count === 1 ? '' : 's'}
                    </span>
                  </span>
                </div>
              );
            }
            return <ContainerRow key={v.key} container={item.container} top={v.start} height={v.size} onOpen={onOpen} onRemove={onRemove} />;
          })}
        </div>
      </div>
    </div>
  );
}
