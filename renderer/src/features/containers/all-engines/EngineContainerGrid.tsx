import { useCallback, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { EngineContainer } from '../../../../../shared/api/engine-containers';
import type { ContainerAction } from '../../../../../shared/api/containers';
import { shortId } from '../../../lib/format';
import { StateBadge } from '../list/ContainerStateCell';
import { EngineRowActions } from './EngineRowActions';
import { rowKey } from './use-all-engines';

const ROW_HEIGHT = 52;

interface Props {
  rows: EngineContainer[];
  busy: Record<string, boolean>;
  onOpen: (c: EngineContainer) => void;
  onAct: (c: EngineContainer, action: ContainerAction) => void;
  onRemove: (c: EngineContainer) => void;
}

/** Every engine's containers, virtualized like the single-engine list: only the rows in view are in the DOM. */
export function EngineContainerGrid({ rows, busy, onOpen, onAct, onRemove }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable while the rows are, so the virtualizer does not re-measure every row on each scroll frame.
  const getItemKey = useCallback((i: number) => rowKey(rows[i]), [rows]);
  const estimateSize = useCallback(() => ROW_HEIGHT, []);
  const getScrollElement = useCallback(() => scrollRef.current, []);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement, estimateSize, getItemKey, overscan: 8 });

  return (
    <div className="ct-table" role="table" aria-label="Containers on all engines" aria-rowcount={rows.length} data-testid="all-engines-table">
      <div className="ct-head ae-grid" role="row">
        <span role="columnheader">Name</span>
        <span role="columnheader">Engine</span>
        <span role="columnheader" className="ae-image">
          Image
        </span>
        <span role="columnheader">State</span>
        <span role="columnheader">Actions</span>
      </div>
      <div className="ct-scroll" ref={scrollRef}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const c = rows[v.index];
            return (
              <div
                key={v.key}
                role="row"
                className="ct-row ae-grid"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: v.size, transform: `translateY(${v.start}px)` }}
                data-testid="all-engines-row"
                data-name={c.name}
                data-engine={c.engineName}
                data-state={c.state}
              >
                <span role="cell" className="ae-name">
                  <button type="button" className="ct-open" onClick={() => onOpen(c)} title="Open logs, inspect and stats">
                    {c.name}
                  </button>
                  <span className="muted small mono">{shortId(c.id)}</span>
                </span>
                <span role="cell">
                  <span className="engine-chip" data-testid="row-engine">
                    {c.engineName}
                  </span>
                </span>
                <span role="cell" className="ae-image mono" title={c.image}>
                  {c.image}
                </span>
                <span role="cell" className="ae-state">
                  <StateBadge state={c.state} />
                  <span className="muted small">{c.status}</span>
                </span>
                <span role="cell">
                  <EngineRowActions container={c} busy={Boolean(busy[rowKey(c)])} onAct={(a) => onAct(c, a)} onRemove={() => onRemove(c)} />
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
