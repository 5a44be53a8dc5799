import { useEffect, useState } from 'react';
import type { RemovePreview } from '../../../../../shared/api/containers';
import type { ApiError } from '../../../../../shared/errors';
import { api } from '../../../bridge';
import { useStore } from '../../../store';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorBox } from '../../../components/ErrorBox';
import { formatBytes } from '../../../lib/format';

const ACTIVE = new Set(['running', 'paused', 'restarting']);

/** Confirms removal, saying what is lost for good (the writable layer, measured now) and what stays (volumes, binds). */
export function RemoveDialog({ ids, engineId, onClose, onRemoved }: { ids: string[]; engineId?: string; onClose: () => void; onRemoved?: (ids: string[]) => void }) {
  const [preview, setPreview] = useState<RemovePreview[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const removeHere = useStore((s) => s.removeContainers);
  // A side-by-side row names its engine: the removal goes there, and that engine's events update the list.
  const remove = async (force: boolean) => {
    if (!engineId) return removeHere(ids, force);
    const r = await api.invoke('containers:remove', { ids, force, engineId });
    return r.ok ? r.data : ids.map((id) => ({ id, ok: false, error: r.error }));
  };
  const knownStates = useStore((s) => ids.map((id) => s.containers[id]?.state ?? '').join(','));

  useEffect(() => {
    let live = true;
    void api.invoke('containers:remove-preview', { ids, engineId }).then((r) => {
      if (!live) return;
      if (r.ok) setPreview(r.data);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [ids, engineId]);

  const states = preview ? preview.map((p) => p.state) : knownStates.split(',');
  const active = states.filter((s) => ACTIVE.has(s)).length;
  const total = preview?.reduce((n, p) => n + p.writableBytes, 0) ?? 0;
  const title = ids.length === 1 ? `Remove ${preview?.[0]?.name ?? 'container'}?` : `Remove ${ids.length} containers?`;

  const confirm = async () => {
    setBusy(true);
    const outcomes = await remove(active > 0);
    setBusy(false);
    onRemoved?.(outcomes.filter((o) => o.ok).map((o) => o.id));
    onClose();
  };

  return (
    <ConfirmDialog title={title} confirmLabel="Remove" danger busy={busy} onConfirm={() => void confirm()} onCancel={onClose}>
      <p className="warning-text">
        Files written inside {ids.length === 1 ? 'this container' : 'these containers'} (the writable layer) are <strong>lost for good</strong>. Data in volumes is kept.
      </p>
      {active > 0 && (
        <p>
          {active === ids.length && ids.length === 1 ? 'It is' : `${active} of them ${active === 1 ? 'is' : 'are'}`} still running and will be stopped first (like{' '}
          <code>docker rm -f</code>).
        </p>
      )}
      {error && <ErrorBox error={error} />}
      {!preview && !error && <p className="muted">Measuring the writable layer…</p>}
      {preview && (
        <>
          {ids.length > 1 && <p>In total {formatBytes(total)} will be lost.</p>}
          <ul className="remove-list" data-testid="remove-preview">
            {preview.slice(0, 50).map((p) => (
              <li key={p.id}>
                <strong>{p.name}</strong> <span className="muted">({p.state})</span> — writable layer{' '}
                <strong data-testid="writable-size">{formatBytes(p.writableBytes)}</strong> lost
                {p.keeps.length > 0 && (
                  <ul className="keeps">
                    {p.keeps.map((k) => (
                      <li key={k.destination}>
                        Stays: {k.type === 'volume' ? `volume ${k.name ?? k.source}` : `${k.type} ${k.source}`} (mounted at <code>{k.destination}</code>)
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
            {preview.length > 50 && <li className="muted">…and {preview.length - 50} more</li>}
          </ul>
        </>
      )}
    </ConfirmDialog>
  );
}
