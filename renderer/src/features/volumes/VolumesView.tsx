import { useId, useState } from 'react';
import { api } from '../../bridge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useConfirmRemove } from '../../components/use-confirm-remove';
import { FormDialog } from '../../components/FormDialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBox } from '../../components/ErrorBox';
import { ListNotice } from '../../components/ListNotice';
import { useStore } from '../../store';
import { formatBytes, formatRelative } from '../../lib/format';
import type { ApiError } from '../../../../shared/errors';
import type { VolumeSummary } from '../../../../shared/api/volumes';
import { useLiveList } from '../../store/use-live-list';
import { volumesList } from '../../store/lists';
import { VolumeBrowser } from './VolumeBrowser';
import { ResourceTable } from '../../components/ResourceTable';
import { PageHeader } from '../../components/PageHeader';
import '../../components/kit.css';

function CreateVolumeDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const toast = useStore((s) => s.toast);
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    const r = await api.invoke('volumes:create', name.trim() ? { name: name.trim() } : {});
    setBusy(false);
    if (!r.ok) return setError(r.error);
    toast({ tone: 'success', title: `Created volume ${r.data.name}` });
    onClose();
  };
  return (
    <FormDialog title="Create a volume" onClose={onClose} onSubmit={() => void submit()} primaryLabel="Create" busyLabel="Creating…" busy={busy} error={error}>
      <div className="field">
        <label htmlFor={`${id}-name`}>Volume name</label>
        <input id={`${id}-name`} className="input mono" autoFocus value={name} placeholder="app-data" onChange={(e) => setName(e.target.value)} />
        <span className="field-hint">Leave empty for a generated name. Mount it in a container (Run → Volumes: app-data:/data) to keep data when the container goes.</span>
      </div>
    </FormDialog>
  );
}

/** Volumes: the home of data that must outlive a container. */
export function VolumesView() {
  const { data: items, loaded, error, connected } = useLiveList(volumesList);
  const toast = useStore((s) => s.toast);
  const [creating, setCreating] = useState(false);
  const [browsing, setBrowsing] = useState<string | null>(null);
  const removal = useConfirmRemove(
    (v: VolumeSummary) => api.invoke('volumes:remove', { name: v.name }),
    (v) => toast({ tone: 'success', title: `Removed volume ${v.name}` }),
  );
  const [sizes, setSizes] = useState<Record<string, number> | null>(null);
  const [measuring, setMeasuring] = useState(false);

  const measure = async () => {
    setMeasuring(true);
    const r = await api.invoke('volumes:sizes', {});
    setMeasuring(false);
    if (r.ok) setSizes(r.data);
    else toast({ tone: 'error', title: 'Could not measure volumes', body: r.error.message });
  };

  const createButton = (
    <button type="button" className="btn btn-primary" disabled={!connected} onClick={() => setCreating(true)}>
      Create volume
    </button>
  );

  return (
    <div className="stack">
      <PageHeader title="Volumes" subtitle="Data that must outlive a container belongs in a volume: removing or recreating the container keeps it.">
        <button type="button" className="btn" disabled={!connected || measuring || items.length === 0} onClick={() => void measure()}>
          {measuring ? 'Measuring…' : 'Measure sizes'}
        </button>
        {createButton}
      </PageHeader>
      <ListNotice what="volumes" loaded={loaded} error={error} connected={connected} />
      {loaded && items.length === 0 && !error && (
        <EmptyState title="No volumes yet" action={createButton}>
          Create one, then mount it when you run a container (for example <code>app-data:/var/lib/app</code>).
        </EmptyState>
      )}
      {items.length > 0 && (
        <ResourceTable
          label="Volumes"
          testId="volumes-table"
          rows={items}
          rowKey={(v) => v.name}
          rowAttrs={(v) => ({ 'data-testid': 'volume-row', 'data-name': v.name })}
          columns={[
            {
              key: 'name',
              header: 'Name',
              kind: 'clip',
              title: (v) => v.name,
              cell: (v) => (
                <>
                  <span className="mono">{v.name}</span>
                  {v.createdMs > 0 && <div className="muted small">created {formatRelative(v.createdMs)}</div>}
                </>
              ),
            },
            { key: 'driver', header: 'Driver', hideBelow: 'medium', cell: (v) => v.driver },
            { key: 'mount', header: 'Mount point', kind: 'clip', hideBelow: 'narrow', title: (v) => v.mountpoint, cell: (v) => <span className="mono muted small">{v.mountpoint}</span> },
            { key: 'size', header: 'Size', kind: 'num', cell: (v) => (sizes ? (sizes[v.name] >= 0 ? formatBytes(sizes[v.name]) : '—') : <span className="muted">—</span>) },
            {
              key: 'used',
              header: 'Used by',
              cell: (v) =>
                v.usedBy.length === 0 ? (
                  <span className="muted">not in use</span>
                ) : (
                  v.usedBy.map((u) => (
                    <span key={u.id} className="chip" title={`${u.state} · mounted at ${u.destination}`}>
                      {u.name}
                    </span>
                  ))
                ),
            },
            {
              key: 'actions',
              header: 'Actions',
              kind: 'actions',
              cell: (v) => (
                <>
                  <button type="button" className="btn btn-small" aria-label={`Browse ${v.name}`} onClick={() => setBrowsing(v.name)}>
                    Browse
                  </button>
                  <button type="button" className="btn btn-small btn-danger" aria-label={`Remove ${v.name}`} onClick={() => removal.ask(v)}>
                    Remove
                  </button>
                </>
              ),
            },
          ]}
        />
      )}
      {creating && <CreateVolumeDialog onClose={() => setCreating(false)} />}
      {browsing && <VolumeBrowser volume={browsing} onClose={() => setBrowsing(null)} />}
      {removal.target && (
        <ConfirmDialog title={`Remove volume ${removal.target.name}?`} confirmLabel="Remove" danger busy={removal.busy} onConfirm={() => void removal.confirm()} onCancel={removal.cancel}>
          <p className="warning-note">Everything stored in this volume is deleted for good. There is no undo.</p>
          {removal.target.usedBy.length > 0 && (
            <p>
              It is used by {removal.target.usedBy.map((u) => u.name).join(', ')} — Porthole will refuse until {removal.target.usedBy.length === 1 ? 'that container is' : 'those containers are'} removed.
            </p>
          )}
          {removal.error && <ErrorBox error={removal.error} />}
        </ConfirmDialog>
      )}
    </div>
  );
}
