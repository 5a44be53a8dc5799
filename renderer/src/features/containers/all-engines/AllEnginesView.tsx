import { useMemo, useState, type ReactNode } from 'react';
import type { ContainerAction } from '../../../../../shared/api/containers';
import type { EngineContainer } from '../../../../../shared/api/engine-containers';
import { api } from '../../../bridge';
import { useStore } from '../../../store';
import { ErrorBox } from '../../../components/ErrorBox';
import { EmptyState } from '../../../components/EmptyState';
import { SearchBox } from '../../../components/SearchBox';
import { describeContainerFailure } from '../../../lib/container-error-text';
import { RemoveDialog } from '../list/RemoveDialog';
import { EngineContainerGrid } from './EngineContainerGrid';
import { SwitchToOpenDialog } from './SwitchToOpenDialog';
import { rowKey, useAllEngines } from './use-all-engines';
import './all-engines.css';

const ANY_ENGINE = '';

function matches(c: EngineContainer, needle: string): boolean {
  if (!needle) return true;
  return [c.name, c.image, c.engineName, c.composeProject ?? ''].some((v) => v.toLowerCase().includes(needle)) || c.id.startsWith(needle);
}

const countText = (shown: number, total: number, engines: number): string => `${shown} of ${total} on ${engines} engine${engines === 1 ? '' : 's'}`;

/** Containers of every connected engine in one list, each row's actions going to its own engine. */
export function AllEnginesView({ scopeToggle }: { scopeToggle: ReactNode }) {
  const { data, error, reload, reloadEngine } = useAllEngines();
  const [engineFilter, setEngineFilter] = useState(ANY_ENGINE);
  const [search, setSearch] = useState('');
  const [busy, setBusy] = useState<Record<string, boolean>>({});
  const [removing, setRemoving] = useState<EngineContainer | null>(null);
  const [opening, setOpening] = useState<EngineContainer | null>(null);
  const navigate = useStore((s) => s.navigate);
  const toast = useStore((s) => s.toast);

  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const shown = (data?.containers ?? []).filter((c) => (engineFilter === ANY_ENGINE || c.engineId === engineFilter) && matches(c, needle));
    return shown.sort((a, b) => a.engineName.localeCompare(b.engineName) || b.createdMs - a.createdMs || a.name.localeCompare(b.name));
  }, [data, engineFilter, search]);
  const unreachable = (data?.engines ?? []).filter((e) => e.state === 'unreachable');

  const act = async (c: EngineContainer, action: ContainerAction) => {
    const key = rowKey(c);
    setBusy((b) => ({ ...b, [key]: true }));
    const r = await api.invoke('containers:action', { ids: [c.id], action, engineId: c.engineId });
    setBusy(({ [key]: _done, ...rest }) => rest);
    const failure = r.ok ? r.data.find((o) => !o.ok)?.error : r.error;
    if (failure) toast({ tone: 'error', ...describeContainerFailure(action, `${c.name} on ${c.engineName}`, failure) });
    // The engine's events re-list it too; this answers at once when the action changed nothing the events carry.
    void reloadEngine(c.engineId);
  };

  const clearFilters = () => {
    setSearch('');
    setEngineFilter(ANY_ENGINE);
  };

  const open = (c: EngineContainer) => {
    const current = data?.engines.find((e) => e.current)?.id;
    if (c.engineId === current) navigate('containers', c.id);
    else setOpening(c);
  };

  let body;
  if (error && !data) body = <ErrorBox error={error} />;
  else if (!data) body = <p className="muted">Listing every engine’s containers…</p>;
  else if (data.containers.length === 0) body = <EmptyState title="No containers on any engine">Containers run on any engine Porthole knows show up here, each with its engine.</EmptyState>;
  else if (rows.length === 0)
    body = (
      <EmptyState
        title="Nothing matches"
        action={
          <button type="button" className="btn" onClick={clearFilters}>
            Show every engine’s containers
          </button>
        }
      >
        Try another name, image or engine.
      </EmptyState>
    );
  else body = <EngineContainerGrid rows={rows} busy={busy} onOpen={open} onAct={(c, a) => void act(c, a)} onRemove={setRemoving} />;

  return (
    <div className="ct-page">
      <header className="ct-toolbar ae-toolbar">
        <div className="ct-title">
          <h1>Containers</h1>
          <span className="muted" data-testid="container-count">
            {data ? countText(rows.length, data.containers.length, data.engines.filter((e) => e.state === 'listed').length) : ''}
          </span>
        </div>
        {scopeToggle}
        <label className="inline-field">
          Engine
          <select className="input" value={engineFilter} onChange={(e) => setEngineFilter(e.target.value)} data-testid="engine-filter">
            <option value={ANY_ENGINE}>All engines</option>
            {(data?.engines ?? []).map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
                {e.state === 'unreachable' ? ' (unreachable)' : ''}
              </option>
            ))}
          </select>
        </label>
        <SearchBox label="Search containers on all engines" placeholder="Search name, image, engine" value={search} onChange={setSearch} />
        <button type="button" className="btn" onClick={() => void reload()}>
          Refresh
        </button>
      </header>
      {error && data && <ErrorBox error={error} />}
      {unreachable.length > 0 && (
        <ul className="ae-unreachable" aria-label="Engines not listed" data-testid="unreachable-engines">
          {unreachable.map((e) => (
            <li key={e.id}>
              <strong>{e.name}</strong> is not listed: {e.state === 'unreachable' ? e.reason : ''}
            </li>
          ))}
        </ul>
      )}
      {body}
      {removing && (
        <RemoveDialog
          ids={[removing.id]}
          engineId={removing.engineId}
          onClose={() => setRemoving(null)}
          onRemoved={() => void reloadEngine(removing.engineId)}
        />
      )}
      {opening && (
        <SwitchToOpenDialog
          container={opening}
          onClose={() => setOpening(null)}
          onSwitched={() => {
            setOpening(null);
            navigate('containers', opening.id);
          }}
        />
      )}
    </div>
  );
}
