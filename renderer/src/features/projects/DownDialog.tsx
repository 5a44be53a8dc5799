import { useEffect, useState } from 'react';
import { api } from '../../bridge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBox } from '../../components/ErrorBox';
import type { ComposeDownPreview } from '../../../../shared/api/compose';
import type { ApiError } from '../../../../shared/errors';
import { useComposeRuns } from './compose-runs';

/**
 * `down`: containers and networks go; named volumes stay unless the user asks, and then a second,
 * separate confirmation names every volume whose data is deleted.
 */
export function DownDialog({ project, onClose }: { project: string; onClose: () => void }) {
  const start = useComposeRuns((s) => s.start);
  const [preview, setPreview] = useState<ComposeDownPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [withVolumes, setWithVolumes] = useState(false);
  const [step, setStep] = useState<'down' | 'volumes'>('down');
  useEffect(() => {
    void api.invoke('compose:down-preview', { project }).then((r) => (r.ok ? setPreview(r.data) : setError(r.error)));
  }, [project]);
  const volumes = preview?.volumes ?? [];
  const go = (removeVolumes: boolean) => {
    onClose();
    void start({ action: 'down', project, removeVolumes, confirmVolumes: removeVolumes ? volumes.map((v) => v.name) : [] });
  };
  if (step === 'volumes') {
    return (
      <ConfirmDialog title={`Delete ${volumes.length} volume${volumes.length === 1 ? '' : 's'} of ${project}?`} confirmLabel={`Delete the data in ${volumes.length} volume${volumes.length === 1 ? '' : 's'}`} danger onConfirm={() => go(true)} onCancel={() => setStep('down')}>
        <p>Everything stored in these volumes is deleted for good. There is no undo.</p>
        <ul className="mono" data-testid="volumes-to-delete">
          {volumes.map((v) => (
            <li key={v.name}>
              {v.name}
              {v.mountedBy.length > 0 && <span className="muted small"> — used by {v.mountedBy.join(', ')}</span>}
            </li>
          ))}
        </ul>
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog title={`Take down ${project}?`} confirmLabel={withVolumes ? 'Next: confirm the volumes…' : 'Down'} danger busy={!preview && !error} onConfirm={() => (withVolumes && volumes.length > 0 ? setStep('volumes') : go(false))} onCancel={onClose}>
      {error && <ErrorBox error={error} />}
      {preview && (
        <>
          <p>
            Removes {preview.containers.length} container{preview.containers.length === 1 ? '' : 's'} and {preview.networks.length} network{preview.networks.length === 1 ? '' : 's'}.
            {volumes.length > 0 ? ` Its ${volumes.length} named volume${volumes.length === 1 ? '' : 's'} stay${volumes.length === 1 ? 's' : ''} unless you ask.` : ''}
          </p>
          {volumes.length > 0 && (
            <label className="checkbox">
              <input type="checkbox" checked={withVolumes} onChange={(e) => setWithVolumes(e.target.checked)} /> Also delete the volumes and their data ({volumes.map((v) => v.name).join(', ')})
            </label>
          )}
        </>
      )}
    </ConfirmDialog>
  );
}
