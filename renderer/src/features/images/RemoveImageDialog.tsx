import { useState } from 'react';
import { api } from '../../bridge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBox } from '../../components/ErrorBox';
import { useInvoke } from '../../lib/use-invoke';
import { useStore } from '../../store';
import type { ApiError } from '../../../../shared/errors';
import type { ImageSummary } from '../../../../shared/dto';
import { imageLabel } from './image-label';

/**
 * Confirms removing an image. It first asks which containers use it: then the removal needs an
 * explicit "force" and the dialog names them.
 */
export function RemoveImageDialog({ image, onClose }: { image: ImageSummary; onClose: () => void }) {
  const toast = useStore((s) => s.toast);
  const { data: inspected, error: loadError } = useInvoke('images:inspect', { id: image.id });
  const usedBy = inspected?.usedBy ?? null;
  const [force, setForce] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const label = imageLabel(image);

  const inUse = (usedBy?.length ?? 0) > 0;
  const remove = async () => {
    setBusy(true);
    setFailure(null);
    // An image with several tags is removed whole, which the engine also calls "forcing".
    const r = await api.invoke('images:remove', { id: image.id, force: force || (!inUse && image.tags.length > 1) });
    setBusy(false);
    if (!r.ok) return setFailure(r.error);
    toast({ tone: 'success', title: `Removed ${label}` });
    onClose();
  };

  return (
    <ConfirmDialog
      title="Remove image"
      confirmLabel="Remove"
      danger
      busy={busy}
      busyLabel="Removing…"
      canConfirm={usedBy !== null && (!inUse || force)}
      onConfirm={() => void remove()}
      onCancel={onClose}
    >
      <p>
        Remove <span className="mono">{label}</span>
        {image.tags.length > 1 && <> and its other tags ({image.tags.slice(1).join(', ')})</>}? Its layers are deleted unless another image shares them.
      </p>
      {usedBy === null && !loadError && <p className="muted">Checking which containers use it…</p>}
      {loadError && <ErrorBox error={loadError} />}
      {inUse && usedBy && (
        <div className="warning-box" data-testid="image-used-by">
          <strong>
            {usedBy.length === 1 ? 'A container uses this image:' : `${usedBy.length} containers use this image:`}
          </strong>
          <ul>
            {usedBy.map((c) => (
              <li key={c.id}>
                <span className="mono">{c.name}</span> <span className="muted">({c.state})</span>
              </li>
            ))}
          </ul>
          <label className="checkbox">
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
            Remove it anyway (force). The containers stay but lose their image’s name; a running one keeps the engine from deleting the layers.
          </label>
        </div>
      )}
      {failure && <ErrorBox error={failure} />}
    </ConfirmDialog>
  );
}
