import { useId, useState } from 'react';
import { api } from '../../bridge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormDialog } from '../../components/FormDialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBox } from '../../components/ErrorBox';
import { useStore } from '../../store';
import { formatBytes, formatRelative } from '../../lib/format';
import type { ApiError } from '../../../../shared/errors';
import type { VolumeSummary } from '../../../../shared/api/volumes';
import { useLiveList } from '../../store/live-list';
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
  const { data: items, loaded, error } = useLiveList(volumesList);
  const connected = useStore((s) => s.status.state === 'connected');
  const toast = useStore((s) => s.toast);
  const [creating, setCreating] = useState(false);
  const [browsing, setBrowsing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<VolumeSummary | null>(null);
  const [removeError, setRemoveError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [sizes, setSizes] = useState<Record<string, number> | null>(null);
  const [measuring, setMeasuring] = useState(false);

  const measure = async () => {
    setMeasuring(true);
    const r = await api.invoke('volumes:sizes', {});
    setMeasuring(false);
    if (r.ok) setSizes(r.data);
    else toast({ tone: 'error', title: 'Could not measure volumes', body: r.error.message });
  };

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    const r = await api.invoke('volumes:remove', { name: removing.name });
    setBusy(false);
    if (!r.ok) return setRemoveError(r.error);
    toast({ tone: 'success', title: `Removed volume ${removing.name}` });
    setRemoving(null);
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
      {error && <ErrorBox error={error} />}
      {!loaded && <p className="muted">{connected ? 'Loading volumes…' : 'Waiting for the Docker Engine…'}</p>}
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
                  <button type="button" className="btn btn-small btn-danger" aria-label={`Remove ${v.name}`} onClick={() => (setRemoveError(null), setRemoving(v))}>
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
      {removing && (
        <ConfirmDialog title={`Remove volume ${removing.name}?`} confirmLabel="Remove" danger busy={busy} onConfirm={() => void remove()} onCancel={() => setRemoving(null)}>
          <p className="warning-note">Everything stored in this volume is deleted for good. There is no undo.</p>
          {removing.usedBy.length > 0 && (
            <p>
              It is used by {removing.usedBy.map((u) => u.name).join(', ')} — Porthole will refuse until {removing.usedBy.length === 1 ? 'that container is' : 'those containers are'} removed.
            </p>
          )}
          {removeError && <ErrorBox error={removeError} />}
        </ConfirmDialog>
      )}
    </div>
  );
}
