import { useCallback, useEffect, useState } from 'react';
import { api } from '../../bridge';
import { ErrorBox } from '../../components/ErrorBox';
import { PageHeader } from '../../components/PageHeader';
import { useStore } from '../../store';
import { formatBytes } from '../../lib/format';
import type { ApiError, Result } from '../../../../shared/errors';
import type { DiskUsage, DiskUsageCategory, PruneKind } from '../../../../shared/api/system';
import { PruneDialog } from './PruneDialog';
import '../../components/kit.css';
import './disk.css';

const CARDS: { key: keyof Omit<DiskUsage, 'layersSizeBytes'>; kind: PruneKind; title: string; what: string; action: string }[] = [
  { key: 'images', kind: 'images', title: 'Images', what: 'in use by a container', action: 'Clean up images…' },
  { key: 'containers', kind: 'containers', title: 'Containers', what: 'running or paused', action: 'Remove stopped…' },
  { key: 'volumes', kind: 'volumes', title: 'Volumes', what: 'in use', action: 'Remove unused…' },
  { key: 'buildCache', kind: 'build-cache', title: 'Build cache', what: 'in use', action: 'Clear cache…' },
];

function Card({ title, c, what, action, onPrune }: { title: string; c: DiskUsageCategory; what: string; action: string; onPrune: () => void }) {
  const share = c.sizeBytes > 0 ? Math.round((c.reclaimableBytes / c.sizeBytes) * 100) : 0;
  return (
    <section className="panel disk-card" data-testid={`disk-${title.toLowerCase().replace(' ', '-')}`}>
      <h2>{title}</h2>
      <div className="disk-size">{formatBytes(c.sizeBytes)}</div>
      <div className="muted small">
        {c.count} total · {c.active} {what}
      </div>
      <div className="disk-bar" role="img" aria-label={`${share}% reclaimable`}>
        <span style={{ width: `${share}%` }} />
      </div>
      <div className="small">
        <strong>{formatBytes(c.reclaimableBytes)}</strong> reclaimable <span className="muted">(as docker system df counts it)</span>
      </div>
      <button type="button" className="btn" disabled={c.count === 0} onClick={onPrune}>
        {action}
      </button>
    </section>
  );
}

/** Disk usage from the engine's /system/df, and clean-up that shows what goes before anything goes. */
export function DiskView() {
  const connected = useStore((s) => s.status.state === 'connected');
  const [usage, setUsage] = useState<DiskUsage | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const [pruning, setPruning] = useState<PruneKind | null>(null);

  const apply = useCallback((r: Result<DiskUsage>) => {
    setLoading(false);
    if (r.ok) {
      setUsage(r.data);
      setError(null);
    } else setError(r.error);
  }, []);
  const load = useCallback(() => {
    setLoading(true);
    void api.invoke('system:disk-usage', {}).then(apply);
  }, [apply]);
  useEffect(() => {
    if (connected) void api.invoke('system:disk-usage', {}).then(apply);
  }, [connected, apply]);

  return (
    <div className="stack">
      <PageHeader title="Disk" subtitle="What the Docker Engine stores, and what a clean-up would give back. Nothing is removed without showing you the list first.">
        <button type="button" className="btn" disabled={!connected || loading} onClick={load}>
          {loading ? 'Measuring…' : 'Measure again'}
        </button>
      </PageHeader>
      {error && <ErrorBox error={error} />}
      {!usage && !error && <p className="muted">{connected ? 'Measuring disk usage (this can take a moment on big engines)…' : 'Waiting for the Docker Engine…'}</p>}
      {usage && (
        <div className="disk-grid">
          {CARDS.map((card) => (
            <Card key={card.key} title={card.title} c={usage[card.key]} what={card.what} action={card.action} onPrune={() => setPruning(card.kind)} />
          ))}
        </div>
      )}
      {pruning && (
        <PruneDialog
          kind={pruning}
          onClose={() => {
            setPruning(null);
            load();
          }}
        />
      )}
    </div>
  );
}
