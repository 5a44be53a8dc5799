import { useEffect, useState } from 'react';
import { api } from '../../bridge';
import { useStore } from '../../store';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBox } from '../../components/ErrorBox';
import type { ApiError } from '../../../../shared/errors';

const SAMPLE_IMAGE = 'greeting-app';

/** The empty state: runs the greeting app when its image is on this engine, otherwise sends the user to build one. */
export function NothingRunning() {
  const [hasSample, setHasSample] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const navigate = useStore((s) => s.navigate);
  const toast = useStore((s) => s.toast);

  useEffect(() => {
    let live = true;
    void api.invoke('images:inspect', { id: SAMPLE_IMAGE }).then((r) => live && setHasSample(r.ok));
    return () => {
      live = false;
    };
  }, []);

  const runSample = async () => {
    setBusy(true);
    setError(null);
    const image = await api.invoke('images:inspect', { id: SAMPLE_IMAGE });
    const exposed = image.ok ? image.data.exposedPorts.find((p) => p.protocol === 'tcp') : undefined;
    const free = exposed ? await api.invoke('host:free-port', { from: 8080 }) : null;
    const ports = exposed && free?.ok ? [{ hostPort: free.data.port, containerPort: exposed.port }] : [];
    const run = await api.invoke('containers:run', { image: SAMPLE_IMAGE, ports });
    setBusy(false);
    if (!run.ok) return setError(run.error);
    toast({ tone: 'success', title: `Started ${run.data.name}`, body: run.data.urls[0] ? `Answers at ${run.data.urls[0]}` : undefined });
  };

  // Building starts from the Images view (its Build button).
  const goBuild = () => navigate('images');

  return (
    <div className="stack">
      <EmptyState
        title="No containers are running"
        action={
          hasSample === null ? null : hasSample ? (
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void runSample()} data-testid="cmp-run-sample">
              {busy ? 'Starting…' : 'Run the greeting app'}
            </button>
          ) : (
            <button type="button" className="btn btn-primary" onClick={goBuild} data-testid="cmp-go-build">
              Build an image first
            </button>
          )
        }
      >
        <p>This panel measures running containers and sets them beside the same workloads as virtual machines.</p>
        {hasSample === false && (
          <p>
            There is no <code>{SAMPLE_IMAGE}</code> image on this engine yet, and nothing can be downloaded here. Build the greeting app (or any app) under
            Build, run it, and come back.
          </p>
        )}
        {hasSample && <p>Start the sample greeting app to see what one container costs.</p>}
      </EmptyState>
      {error && <ErrorBox error={error} />}
    </div>
  );
}
