import { memo } from 'react';
import type { ContainerSummary } from '../../../../../shared/dto';
import { useStore } from '../../../store';
import { formatRelative, shortId } from '../../../lib/format';
import { ContainerActions } from './ContainerActions';
import { PortLinks } from './PortLinks';
import { ContainerStateCell } from './ContainerStateCell';

// One formatter for every row: `Date#toLocaleString` builds a new one per call, rows mount on every scroll frame.
const createdFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });

interface RowProps {
  container: ContainerSummary;
  /** Position in the virtual list (numbers, not a style object, so unchanged rows skip re-rendering). */
  top: number;
  height: number;
  onOpen: (id: string) => void;
  onRemove: (ids: string[]) => void;
}

export const ContainerRow = memo(function ContainerRow({ container: c, top, height, onOpen, onRemove }: RowProps) {
  const selected = useStore((s) => Boolean(s.selectedContainers[c.id]));
  const toggle = useStore((s) => s.toggleContainerSelected);
  return (
    <div
      role="row"
      className={selected ? 'ct-row ct-grid selected' : 'ct-row ct-grid'}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, height, transform: `translateY(${top}px)` }}
      data-testid="container-row"
      data-name={c.name}
      data-state={c.state}
      aria-selected={selected}
    >
      <span role="cell">
        <input type="checkbox" aria-label={`Select ${c.name}`} checked={selected} onChange={() => toggle(c.id)} />
      </span>
      <span role="cell" className="ct-name">
        <button type="button" className="ct-open" onClick={() => onOpen(c.id)} title="Open logs, inspect and stats">
          {c.name}
        </button>
        <span className="muted small mono">{shortId(c.id)}</span>
      </span>
      <span role="cell" className="ct-image mono" title={c.image}>
        {c.image}
      </span>
      <span role="cell" className="ct-state">
        <ContainerStateCell id={c.id} state={c.state} status={c.status} />
      </span>
      <span role="cell" className="ct-ports">
        <PortLinks ports={c.ports} />
      </span>
      <span role="cell" className="muted small" title={createdFormat.format(c.createdMs)}>
        {formatRelative(c.createdMs)}
      </span>
      <span role="cell">
        <ContainerActions container={c} onRemove={onRemove} />
      </span>
    </div>
  );
});
