import { useEffect, useState } from 'react';
import { api } from '../../bridge';
import { ErrorBox } from '../../components/ErrorBox';
import { formatRelative, shortId } from '../../lib/format';
import type { DeployHistoryEntry } from '../../../../shared/api/deploy';
import type { ApiError } from '../../../../shared/errors';
import { useDeployRunning, useDeployStore } from './deploy-store';

const SHOWN = 10;
const RESULT_WORDS: Record<DeployHistoryEntry['result'], string> = { succeeded: 'Succeeded', failed: 'Failed', cancelled: 'Cancelled' };

/**
 * The last deploys: of the app in the plan, or of every app when no folder has been read yet.
 * Re-read whenever a deploy ends, so the one just finished shows at the top.
 */
export function DeployHistory() {
  const app = useDeployStore((s) => s.plan?.name ?? null);
  const running = useDeployRunning();
  const [entries, setEntries] = useState<DeployHistoryEntry[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (running) return;
    let live = true;
    void api.invoke('deploy:history', app ? { name: app } : {}).then((r) => {
      if (!live) return;
      if (r.ok) {
        setEntries(r.data.slice(0, SHOWN));
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [app, running]);

  const title = app ? `Recent deploys of ${app}` : 'Recent deploys';
  return (
    <section className="panel stack-tight" aria-label={title} data-testid="deploy-history">
      <h2>{title}</h2>
      {error && <ErrorBox error={error} />}
      {!error && entries === null && <p className="muted">Reading the history…</p>}
      {entries?.length === 0 && <p className="muted">{app ? `${app} has not been deployed from this computer yet. Its deploys will be listed here.` : 'Nothing deployed yet. Read an app folder above and choose Deploy; each deploy is listed here.'}</p>}
      {entries && entries.length > 0 && (
        <table className="deploy-history">
          <thead>
            <tr>
              <th>When</th>
              {!app && <th>App</th>}
              <th>Image</th>
              <th>Result</th>
              <th>Address</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-testid="deploy-history-row" data-result={e.result}>
                <td title={new Date(e.startedMs).toLocaleString()}>
                  {formatRelative(e.startedMs)} <span className="muted small">· {((e.finishedMs - e.startedMs) / 1000).toFixed(1)} s</span>
                </td>
                {!app && <td className="mono">{e.app}</td>}
                <td className="mono muted" title={e.image ?? undefined}>
                  {e.kind === 'compose' ? 'compose up' : e.imageId ? shortId(e.imageId) : '—'}
                </td>
                <td>
                  <span className={`deploy-result deploy-result-${e.result}`}>{RESULT_WORDS[e.result]}</span>
                  {e.message && (
                    <div className="muted small deploy-history-message" title={e.message}>
                      {e.message.split('\n')[0]}
                    </div>
                  )}
                </td>
                <td>
                  {e.url ? (
                    <a href={e.url} target="_blank" rel="noreferrer" className="mono">
                      {e.url}
                    </a>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
