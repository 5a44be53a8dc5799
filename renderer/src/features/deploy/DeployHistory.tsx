import { ErrorBox } from '../../components/ErrorBox';
import { ResourceTable, type Column } from '../../components/ResourceTable';
import { useInvoke } from '../../lib/use-invoke';
import { formatRelative, shortId } from '../../lib/format';
import type { DeployHistoryEntry } from '../../../../shared/api/deploy';
import { useDeployRunning, useDeployStore } from './deploy-store';

const SHOWN = 10;
const RESULT_WORDS: Record<DeployHistoryEntry['result'], string> = { succeeded: 'Succeeded', failed: 'Failed', cancelled: 'Cancelled' };

function historyColumns(everyApp: boolean): Column<DeployHistoryEntry>[] {
  return [
    {
      key: 'when',
      header: 'When',
      title: (e) => new Date(e.startedMs).toLocaleString(),
      cell: (e) => (
        <>
          {formatRelative(e.startedMs)} <span className="muted small">· {((e.finishedMs - e.startedMs) / 1000).toFixed(1)} s</span>
        </>
      ),
    },
    ...(everyApp ? [{ key: 'app', header: 'App', kind: 'clip' as const, cell: (e: DeployHistoryEntry) => <span className="mono">{e.app}</span> }] : []),
    { key: 'image', header: 'Image', hideBelow: 'narrow', title: (e) => e.image ?? undefined, cell: (e) => <span className="mono muted">{e.kind === 'compose' ? 'compose up' : e.imageId ? shortId(e.imageId) : '—'}</span> },
    {
      key: 'result',
      header: 'Result',
      cell: (e) => (
        <>
          <span className={`deploy-result deploy-result-${e.result}`}>{RESULT_WORDS[e.result]}</span>
          {e.message && (
            <div className="muted small deploy-history-message" title={e.message}>
              {e.message.split('\n')[0]}
            </div>
          )}
        </>
      ),
    },
    {
      key: 'address',
      header: 'Address',
      kind: 'clip',
      cell: (e) =>
        e.url ? (
          <a href={e.url} target="_blank" rel="noreferrer" className="mono">
            {e.url}
          </a>
        ) : (
          <span className="muted">—</span>
        ),
    },
  ];
}

/**
 * The last deploys: of the app in the plan, or of every app when no folder has been read yet.
 * Re-read whenever a deploy ends, so the one just finished shows at the top.
 */
export function DeployHistory() {
  const app = useDeployStore((s) => s.plan?.name ?? null);
  const running = useDeployRunning();
  // Asked again when a deploy ends (`null` while one runs), so the one just finished shows at the top.
  const { data, error } = useInvoke('deploy:history', running ? null : app ? { name: app } : {});
  const entries = data?.slice(0, SHOWN) ?? null;

  const title = app ? `Recent deploys of ${app}` : 'Recent deploys';
  return (
    <section className="panel stack-tight" aria-label={title} data-testid="deploy-history">
      <h2>{title}</h2>
      {error && <ErrorBox error={error} />}
      {!error && entries === null && <p className="muted">Reading the history…</p>}
      {entries?.length === 0 && <p className="muted">{app ? `${app} has not been deployed from this computer yet. Its deploys will be listed here.` : 'Nothing deployed yet. Read an app folder above and choose Deploy; each deploy is listed here.'}</p>}
      {entries && entries.length > 0 && (
        <ResourceTable label={title} rows={entries} rowKey={(e) => e.id} rowAttrs={(e) => ({ 'data-testid': 'deploy-history-row', 'data-result': e.result })} columns={historyColumns(app === null)} />
      )}
    </section>
  );
}
