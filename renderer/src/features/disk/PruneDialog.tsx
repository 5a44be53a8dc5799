import { useState } from 'react';
import { api } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { useStore } from '../../store';
import { formatBytes } from '../../lib/format';
import { useInvoke } from '../../lib/use-invoke';
import type { ApiError } from '../../../../shared/errors';
import type { PruneKind, PruneResult } from '../../../../shared/api/system';

const TITLES: Record<PruneKind, string> = {
  containers: 'Remove stopped containers',
  images: 'Remove unused images',
  volumes: 'Remove unused volumes',
  'build-cache': 'Remove build cache',
};

const WARNINGS: Record<PruneKind, string> = {
  containers: 'Anything written inside these containers (their writable layer: files, logs, installed packages) is lost for good. Data in volumes is kept.',
  images: 'These images are deleted from this engine; you can build or pull them again later.',
  volumes: 'The data stored in these volumes is deleted for good. There is no undo.',
  'build-cache': 'The next builds will run every step again and be slower until the cache fills up.',
};

/** Shows exactly what will go and how much space comes back; removes only that list, after a yes. */
export function PruneDialog({ kind, onClose }: { kind: PruneKind; onClose: () => void }) {
  const toast = useStore((s) => s.toast);
  const [allImages, setAllImages] = useState(false);
  const { data: preview, error: previewError, setData: setPreview } = useInvoke('system:prune-preview', { kind, allImages });
  const [runError, setError] = useState<ApiError | null>(null);
  const error = runError ?? previewError;
  const [volumesOk, setVolumesOk] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PruneResult | null>(null);
  /** Items the user unticked: they stay. Main re-checks the rest before removing anything. */
  const [kept, setKept] = useState<ReadonlySet<string>>(new Set());
  const chosen = preview ? preview.items.filter((i) => !kept.has(i.id)) : [];
  const toggle = (id: string) => {
    const next = new Set(kept);
    if (!next.delete(id)) next.add(id);
    setKept(next);
  };

  const run = async () => {
    if (!preview) return;
    setBusy(true);
    const r = await api.invoke('system:prune', { kind, allImages, ids: chosen.map((i) => i.id), confirmVolumes: kind === 'volumes' && volumesOk });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setResult(r.data);
    toast({ tone: 'success', title: `Freed ${formatBytes(r.data.reclaimedBytes)}`, body: `${r.data.removed.length} removed${r.data.skipped.length ? `, ${r.data.skipped.length} skipped` : ''}.` });
  };

  const count = preview?.items.length ?? 0;
  const chosenBytes = chosen.reduce((s, i) => s + i.sizeBytes, 0);
  const canRun = preview && chosen.length > 0 && !busy && !result && (kind !== 'volumes' || volumesOk);
  return (
    <Dialog
      title={TITLES[kind]}
      wide
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {result ? 'Close' : 'Cancel'}
          </button>
          {!result && (
            <button type="button" className="btn btn-danger-solid" disabled={!canRun} onClick={() => void run()}>
              {busy ? 'Removing…' : `Remove ${chosen.length} (${formatBytes(chosenBytes)})`}
            </button>
          )}
        </>
      }
    >
      <div className="stack-tight" data-testid="prune-dialog">
        {kind === 'images' && !result && (
          <label className="checkbox-line">
            <input type="checkbox" checked={allImages} onChange={(e) => {
                setPreview(null);
                setKept(new Set());
                setAllImages(e.target.checked);
              }} />
            <span>Every image no container uses, not only untagged (dangling) ones</span>
          </label>
        )}
        {!result && <p className="warning-note">{WARNINGS[kind]}</p>}
        {error && <ErrorBox error={error} />}
        {!preview && !error && <p className="muted">Finding what can go…</p>}
        {preview && count === 0 && <p className="muted">Nothing to remove: {kind === 'containers' ? 'no stopped containers' : `no unused ${kind === 'build-cache' ? 'build cache' : kind}`}.</p>}
        {preview && count > 0 && !result && (
          <>
            <p>
              {chosen.length === 1 ? 'The ticked one' : `The ${chosen.length} ticked`} of {count} will be removed, giving back about <strong>{formatBytes(chosenBytes)}</strong>. Untick what you want to keep. Anything that changes before you confirm (a container started, an image taken into use) is left alone.
            </p>
            <div>
              <button type="button" className="btn btn-small btn-ghost" onClick={() => setKept(kept.size > 0 ? new Set() : new Set(preview.items.map((i) => i.id)))}>
                {kept.size > 0 ? 'Tick all' : 'Untick all'}
              </button>
            </div>
            <div className="prune-list">
              <table className="res-table" data-testid="prune-items">
                <tbody>
                  {preview.items.map((i) => (
                    <tr key={i.id} data-testid="prune-item" data-name={i.name}>
                      <td className="check-cell">
                        <input type="checkbox" aria-label={`Remove ${i.name}`} checked={!kept.has(i.id)} onChange={() => toggle(i.id)} />
                      </td>
                      <td className="clip mono">{i.name}</td>
                      <td className="muted small clip">{i.detail}</td>
                      <td className="num">{formatBytes(i.sizeBytes)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {kind === 'volumes' && (
              <label className="checkbox-line">
                <input type="checkbox" checked={volumesOk} onChange={(e) => setVolumesOk(e.target.checked)} />
                <span>I understand the data in these {chosen.length} volumes is deleted for good.</span>
              </label>
            )}
          </>
        )}
        {result && (
          <div data-testid="prune-result">
            <p className="field-ok">
              ✓ Removed {result.removed.length}, freed {formatBytes(result.reclaimedBytes)}.
            </p>
            {result.skipped.length > 0 && (
              <>
                <p>Left alone because they changed since the preview:</p>
                <ul>
                  {result.skipped.map((s) => (
                    <li key={s.id}>
                      <span className="mono">{s.name}</span> — {s.reason}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
    </Dialog>
  );
}
