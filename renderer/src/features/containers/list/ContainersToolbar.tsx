import type { ReactNode, RefObject } from 'react';
import { useStore } from '../../../store';

export function ContainersToolbar({ searchRef, shown, total, scopeToggle }: { searchRef: RefObject<HTMLInputElement | null>; shown: number; total: number; scopeToggle?: ReactNode }) {
  const filter = useStore((s) => s.containerFilter);
  const search = useStore((s) => s.containerSearch);
  const grouped = useStore((s) => s.groupByProject);
  const setFilter = useStore((s) => s.setContainerFilter);
  const setSearch = useStore((s) => s.setContainerSearch);
  const setGrouped = useStore((s) => s.setGroupByProject);
  return (
    <header className="ct-toolbar">
      <div className="ct-title">
        <h1>Containers</h1>
        <span className="muted" data-testid="container-count">
          {shown === total ? `${total}` : `${shown} of ${total}`} shown
        </span>
      </div>
      {scopeToggle}
      <div className="segmented" role="group" aria-label="Show">
        <button type="button" aria-pressed={filter === 'running'} className={filter === 'running' ? 'active' : ''} onClick={() => setFilter('running')}>
          Running
        </button>
        <button type="button" aria-pressed={filter === 'all'} className={filter === 'all' ? 'active' : ''} onClick={() => setFilter('all')}>
          All
        </button>
      </div>
      <input
        ref={searchRef}
        className="input ct-search"
        type="search"
        placeholder="Search name, image, project  ( / )"
        aria-label="Search containers"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setSearch('');
            e.currentTarget.blur();
          }
        }}
      />
      <label className="check">
        <input type="checkbox" checked={grouped} onChange={(e) => setGrouped(e.target.checked)} /> Group by compose project
      </label>
    </header>
  );
}
