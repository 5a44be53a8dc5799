import { useEffect, useRef, useState } from 'react';
import { api } from '../../bridge';
import { FormDialog } from '../../components/FormDialog';
import type { ApiError } from '../../../../shared/errors';
import type { SwarmServiceSummary, SwarmUpdateEvent } from '../../../../shared/api/swarm';

/** A rolling update to a new image, shown task by task; the engine rolls a failing one back by itself. */
export function SwarmUpdateDialog({ service, onClose }: { service: SwarmServiceSummary; onClose: () => void }) {
  const [image, setImage] = useState(service.image);
  const [progress, setProgress] = useState<SwarmUpdateEvent | null>(null);
  const [state, setState] = useState<'idle' | 'running' | 'done' | 'failed'>('idle');
  const [error, setError] = useState<ApiError | null>(null);
  const close = useRef<(() => void) | null>(null);
  useEffect(() => () => close.current?.(), []);

  const start = () => {
    setState('running');
    setError(null);
    close.current = api.subscribe('swarm:update', { service: service.name, image: image.trim() }, (m) => {
      if (m.kind === 'data') setProgress(m.data);
      else if (m.kind === 'end') setState('done');
      else {
        setState('failed');
        setError(m.error);
      }
    });
  };

  return (
    <FormDialog
      title={`Update ${service.name}`}
      onClose={onClose}
      onSubmit={start}
      primaryLabel={state === 'done' ? 'Updated' : 'Start rolling update'}
      busyLabel="Updating…"
      busy={state === 'running'}
      canSubmit={state !== 'done' && Boolean(image.trim())}
      error={error}
    >
      <label>
        New image
        <input value={image} onChange={(e) => setImage(e.target.value)} disabled={state === 'running'} />
      </label>
      {progress && (
        <div aria-live="polite" data-testid="swarm-update-progress">
          <p>
            {progress.done} of {progress.total} replicas on the new image
            {progress.updateStatus ? ` — ${progress.updateStatus.state.replace('_', ' ')}${progress.updateStatus.message ? `: ${progress.updateStatus.message}` : ''}` : ''}
          </p>
          <progress max={Math.max(progress.total, 1)} value={progress.done} />
          <ul className="small">
            {progress.tasks.map((t) => (
              <li key={t.id}>
                replica {t.slot ?? '–'}: {t.state} · {t.image}
                {t.error ? ` · ${t.error}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      {state === 'done' && <p role="status">Every replica runs {image}.</p>}
    </FormDialog>
  );
}
