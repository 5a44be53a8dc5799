import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from '../../store';
import { selectVisibleContainers } from '../../store/containers-slice';
import { ErrorBox } from '../../components/ErrorBox';
import { EmptyState } from '../../components/EmptyState';
import { ContainerList } from './list/ContainerList';
import { ContainersToolbar } from './list/ContainersToolbar';
import { BulkBar } from './list/BulkBar';
import { RemoveDialog } from './list/RemoveDialog';
import { AllEnginesView } from './all-engines/AllEnginesView';
import { EngineScopeToggle } from './all-engines/EngineScopeToggle';
import { useEngineScope } from './all-engines/use-engine-scope';
import { lazyComponent } from '../../lib/lazy-component';
import './containers.css';

// The detail (logs, terminal with xterm, files, stats) loads when a container is first opened, not at start-up.
const ContainerDetailView = lazyComponent(() => import('./detail/ContainerDetailView').then((m) => m.ContainerDetailView));

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function ContainersView() {
  // The detail shown is the one the address names (`#/containers/<id>`), so Back, reload and bookmarks work.
  // `#/containers/<id>/terminal` opens a detail on one of its tabs (the tray's and the row's "Open terminal").
  const focusId = useStore((s) => s.focusId);
  const detailId = focusId ? focusId.split('/')[0] : null;
  const detailTab = focusId?.split('/')[1] ?? null;
  const navigate = useStore((s) => s.navigate);
  const setDetailId = useCallback((id: string | null) => navigate('containers', id), [navigate]);
  const [removing, setRemoving] = useState<string[] | null>(null);
  const loaded = useStore((s) => s.containersLoaded);
  const error = useStore((s) => s.containersError);
  const containers = useStore((s) => s.containers);
  const containerFilter = useStore((s) => s.containerFilter);
  const containerSearch = useStore((s) => s.containerSearch);
  const groupByProject = useStore((s) => s.groupByProject);
  const total = useMemo(() => Object.keys(containers).length, [containers]);
  // Filtered and sorted only when its inputs change: with 5,000 containers a sort costs a frame, and any
  // unrelated store update (engine info, a toast) would otherwise redo it.
  const rows = useMemo(
    () => selectVisibleContainers({ containers, containerFilter, containerSearch, groupByProject }),
    [containers, containerFilter, containerSearch, groupByProject],
  );
  const searchRef = useRef<HTMLInputElement>(null);
  const [scope, setScope] = useEngineScope();
  const sideBySide = scope === 'all' && !detailId;

  // Every (re)connect re-lists the containers (store wiring); this covers a view opened after a failed list.
  // Only on mount: at start-up both would otherwise ask for the same list at the same moment.
  useEffect(() => {
    const { status, containersLoaded, loadContainers } = useStore.getState();
    if (status.state === 'connected' && !containersLoaded) void loadContainers();
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (sideBySide || removing || isTyping(e.target) || document.querySelector('dialog[open]')) return;
      if (e.key === 'Escape' && detailId) {
        e.preventDefault();
        setDetailId(null);
      } else if (e.key === '/' && !detailId) {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === 'Delete' && !detailId) {
        const ids = Object.keys(useStore.getState().selectedContainers);
        if (ids.length > 0) setRemoving(ids);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sideBySide, removing, detailId, setDetailId]);

  const dialog = removing && (
    <RemoveDialog
      ids={removing}
      onClose={() => setRemoving(null)}
      onRemoved={(ids) => {
        if (detailId && ids.includes(detailId)) setDetailId(null);
      }}
    />
  );

  if (detailId) {
    return (
      <>
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <ContainerDetailView id={detailId} initialTab={detailTab} onBack={() => setDetailId(null)} onRemove={setRemoving} />
        </Suspense>
        {dialog}
      </>
    );
  }

  const scopeToggle = <EngineScopeToggle scope={scope} onChange={setScope} />;
  if (sideBySide) return <AllEnginesView scopeToggle={scopeToggle} />;

  let body;
  if (error && !loaded) body = <ErrorBox error={error} />;
  else if (!loaded) body = <p className="muted">Loading containers…</p>;
  else if (total === 0)
    body = (
      <EmptyState title="No containers yet">
        Build an image and run it (Images → Run), or deploy a folder. Containers started with the docker CLI show up here too.
      </EmptyState>
    );
  else if (rows.length === 0) body = <NoMatches />;
  else body = <ContainerList rows={rows} onOpen={setDetailId} onRemove={setRemoving} />;

  return (
    <div className="ct-page">
      <ContainersToolbar searchRef={searchRef} shown={rows.length} total={total} scopeToggle={scopeToggle} />
      {error && loaded && <ErrorBox error={error} />}
      <BulkBar onRemove={setRemoving} />
      {body}
      {dialog}
    </div>
  );
}

function NoMatches() {
  const filter = useStore((s) => s.containerFilter);
  const search = useStore((s) => s.containerSearch);
  const setFilter = useStore((s) => s.setContainerFilter);
  const setSearch = useStore((s) => s.setContainerSearch);
  return (
    <EmptyState
      title={search ? `Nothing matches “${search}”` : 'No running containers'}
      action={
        <button
          type="button"
          className="btn"
          onClick={() => {
            setSearch('');
            setFilter('all');
          }}
        >
          Show all containers
        </button>
      }
    >
      {filter === 'running' ? 'Stopped containers are hidden; show all to see them.' : 'Try another name, image or compose project.'}
    </EmptyState>
  );
}
