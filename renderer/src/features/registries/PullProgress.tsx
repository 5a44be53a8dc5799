import type { LayerPhase, TransferProgress } from '../../../../shared/api/registry';
import { formatBytes } from '../../lib/format';
import type { TransferStatus } from '../../store/transfer-progress';
import './registries.css';

const PHASE_WORDS: Record<LayerPhase, string> = {
  waiting: 'Waiting',
  downloading: 'Downloading',
  verifying: 'Verifying',
  extracting: 'Extracting',
  preparing: 'Preparing',
  pushing: 'Uploading',
  complete: 'Done',
  exists: 'Already here',
};

function bytesText(current: number, total: number): string {
  if (total <= 0) return '';
  return `${formatBytes(current)} / ${formatBytes(total)}`;
}

/**
 * A pull's or push's progress: one bar for the whole image and one per layer with its phase and bytes.
 * Reusable wherever an image is fetched (run dialog, deploy) — feed it the `images:pull` snapshots.
 */
export function PullProgress({ progress, status }: { progress: TransferProgress | null; status: TransferStatus }) {
  const percent = status === 'done' ? 100 : (progress?.percent ?? 0);
  const verb = progress?.kind === 'push' ? 'Push' : 'Pull';
  const tone = status === 'running' ? 'running' : status;
  const layers = progress?.layers ?? [];
  return (
    <div className="transfer" data-testid="pull-progress" data-status={status} data-percent={percent}>
      <div className="transfer-total">
        <span>
          {status === 'running' && layers.length === 0 ? 'Contacting the registry…' : `${verb} ${percent} %`}
          {progress && progress.bytesTotal > 0 && <span className="muted"> · {bytesText(progress.bytesCurrent, progress.bytesTotal)}</span>}
        </span>
        {layers.length > 0 && (
          <span className="muted small">
            {layers.filter((l) => l.fraction >= 1).length} of {layers.length} layers
          </span>
        )}
      </div>
      <div className={`transfer-bar transfer-${tone}`} role="progressbar" aria-label={`${verb} progress`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className="transfer-fill" style={{ width: `${status === 'running' ? Math.max(percent, 2) : percent}%` }} />
      </div>
      {layers.length > 0 && (
        <ul className="layer-list" aria-label="Layers">
          {layers.map((l) => (
            <li key={l.id} className="layer-row" data-testid="layer-row" data-layer={l.id} data-phase={l.phase}>
              <span className="mono layer-id">{l.id}</span>
              <span className={`layer-phase phase-${l.phase}`}>{PHASE_WORDS[l.phase]}</span>
              <span className="layer-bar" aria-hidden>
                <span style={{ width: `${Math.round(l.fraction * 100)}%` }} />
              </span>
              <span className="muted small layer-bytes">{l.phase === 'downloading' || l.phase === 'extracting' || l.phase === 'pushing' ? bytesText(l.current, l.total) : l.total > 0 ? formatBytes(l.total) : ''}</span>
            </li>
          ))}
        </ul>
      )}
      {progress?.digest && status === 'done' && <p className="muted small mono transfer-digest">{progress.digest}</p>}
    </div>
  );
}
