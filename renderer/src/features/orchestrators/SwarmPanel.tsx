import { useState } from 'react';
import { api } from '../../bridge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBox } from '../../components/ErrorBox';
import { ResourceTable } from '../../components/ResourceTable';
import { formatMemory } from '../../lib/format';
import type { ApiError } from '../../../../shared/errors';
import type { SwarmServiceSummary } from '../../../../shared/api/swarm';
import { useSwarm } from './use-swarm';
import { usePrefill } from './prefill-store';
import { SwarmDeployDialog } from './SwarmDeployDialog';
import { SwarmUpdateDialog } from './SwarmUpdateDialog';
import { SwarmServiceDetail } from './SwarmServiceDetail';

const portsText = (s: SwarmServiceSummary) => s.ports.map((p) => `${p.published ?? '*'}→${p.target}/${p.protocol} (${p.mode})`).join(', ') || '—';

/** Swarm mode of the current engine: services, tasks and nodes, and the actions an operator reaches for. */
export function SwarmPanel() {
  const { status, refreshStatus, services, nodes } = useSwarm();
  const seed = usePrefill((s) => s.seed);
  const [dialog, setDialog] = useState<{ kind: 'deploy' } | { kind: 'update' | 'remove' | 'scale'; service: SwarmServiceSummary } | { kind: 'init' } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [replicas, setReplicas] = useState(1);

  const act = async (work: () => Promise<{ ok: boolean; error?: ApiError }>) => {
    setBusy(true);
    setError(null);
    const r = await work();
    setBusy(false);
    if (!r.ok && r.error) setError(r.error);
    else setDialog(null);
    void services.refresh();
  };

  if (!status) return null;
  if (status.state !== 'active') {
    return (
      <section className="panel stack-tight" data-testid="swarm-inactive">
        <h2>This engine is not in Swarm mode</h2>
        <p>
          Swarm mode is built into the Docker Engine. It runs each app as a <em>service</em>: a number of replicas the engine keeps running, replaced one
          by one on an update (and put back if the new version fails), across every machine that joins the Swarm.
        </p>
        <p className="muted small">Turning this engine into a single-node Swarm changes nothing for your containers; `docker swarm leave --force` undoes it.</p>
        <div>
          <button type="button" className="btn btn-primary" onClick={() => setDialog({ kind: 'init' })}>
            Turn this engine into a single-node Swarm…
          </button>
        </div>
        {error && <ErrorBox error={error} />}
        {dialog?.kind === 'init' && (
          <ConfirmDialog
            title="Start a single-node Swarm?"
            confirmLabel="Start the Swarm"
            busy={busy}
            onCancel={() => setDialog(null)}
            onConfirm={() =>
              void act(async () => {
                const r = await api.invoke('swarm:init', {});
                await refreshStatus();
                return r;
              })
            }
          >
            <p>The engine becomes the manager of a new Swarm with itself as the only node, advertised on 127.0.0.1. Other machines can join it later.</p>
          </ConfirmDialog>
        )}
      </section>
    );
  }

  const chosen = services.items.find((s) => s.id === selected) ?? null;
  return (
    <div className="stack">
      <div className="page-actions">
        <button type="button" className="btn btn-primary" onClick={() => setDialog({ kind: 'deploy' })}>
          Deploy a service…
        </button>
        <span className="muted small">
          {status.isManager ? 'manager' : 'worker'} · {status.nodes} node{status.nodes === 1 ? '' : 's'}
        </span>
      </div>
      {error && <ErrorBox error={error} />}
      <ResourceTable
        label="Swarm services"
        testId="swarm-services"
        rows={services.items}
        rowKey={(s) => s.id}
        rowAttrs={(s) => ({ 'data-service': s.name })}
        highlight={(s) => s.id === selected}
        columns={[
          { key: 'name', header: 'Service', cell: (s) => <button type="button" className="link-button" onClick={() => setSelected(s.id === selected ? null : s.id)}>{s.name}</button>, kind: 'clip' },
          { key: 'replicas', header: 'Replicas', cell: (s) => <span data-testid="replicas">{`${s.replicasRunning}/${s.replicasDesired}`}</span>, kind: 'num' },
          { key: 'image', header: 'Image', cell: (s) => s.image, kind: 'clip', title: (s) => s.image },
          { key: 'ports', header: 'Ports', cell: portsText, kind: 'clip', hideBelow: 'narrow', title: portsText },
          { key: 'update', header: 'Update', cell: (s) => s.updateStatus?.state.replace('_', ' ') ?? '—', hideBelow: 'medium', title: (s) => s.updateStatus?.message },
          {
            key: 'actions',
            header: 'Actions',
            kind: 'actions',
            cell: (s) => (
              <>
                <button type="button" className="btn btn-small" onClick={() => { setReplicas(s.replicasDesired); setDialog({ kind: 'scale', service: s }); }}>Scale</button>
                <button type="button" className="btn btn-small" onClick={() => setDialog({ kind: 'update', service: s })}>Update</button>
                <button type="button" className="btn btn-small" disabled={!s.canRollback || busy} onClick={() => void act(() => api.invoke('swarm:rollback', { service: s.id }))}>Roll back</button>
                <button type="button" className="btn btn-small btn-danger" onClick={() => setDialog({ kind: 'remove', service: s })}>Remove</button>
              </>
            ),
          },
        ]}
      />
      {services.loaded && services.items.length === 0 && <p className="muted">No services yet. Deploy one from an image, or from the Deploy view's plan.</p>}
      {chosen && <SwarmServiceDetail key={chosen.id} service={chosen} />}
      <ResourceTable
        label="Swarm nodes"
        testId="swarm-nodes"
        rows={nodes.items}
        rowKey={(n) => n.id}
        columns={[
          { key: 'host', header: 'Node', cell: (n) => `${n.hostname}${n.leader ? ' (leader)' : ''}`, kind: 'clip' },
          { key: 'role', header: 'Role', cell: (n) => n.role },
          { key: 'availability', header: 'Availability', cell: (n) => n.availability },
          { key: 'state', header: 'State', cell: (n) => n.state, hideBelow: 'narrow' },
          { key: 'cpus', header: 'CPUs', cell: (n) => n.cpus, kind: 'num', hideBelow: 'narrow' },
          { key: 'memory', header: 'Memory', cell: (n) => formatMemory(n.memoryBytes), kind: 'num', hideBelow: 'medium' },
        ]}
      />
      {dialog?.kind === 'deploy' && (
        <SwarmDeployDialog
          seed={seed}
          onClose={() => setDialog(null)}
          onDeployed={() => {
            setDialog(null);
            void services.refresh();
          }}
        />
      )}
      {dialog?.kind === 'update' && <SwarmUpdateDialog service={dialog.service} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'scale' && (
        <ConfirmDialog
          title={`Scale ${dialog.service.name}`}
          confirmLabel={`Scale to ${replicas}`}
          busy={busy}
          onCancel={() => setDialog(null)}
          onConfirm={() => void act(() => api.invoke('swarm:scale', { service: dialog.service.id, replicas }))}
        >
          <label>
            Replicas: {replicas}
            <input type="range" min={0} max={20} value={replicas} onChange={(e) => setReplicas(Number(e.target.value))} aria-label="Replicas" />
          </label>
        </ConfirmDialog>
      )}
      {dialog?.kind === 'remove' && (
        <ConfirmDialog
          title={`Remove ${dialog.service.name}?`}
          confirmLabel="Remove the service"
          danger
          busy={busy}
          onCancel={() => setDialog(null)}
          onConfirm={() => void act(() => api.invoke('swarm:remove', { service: dialog.service.id }))}
        >
          <p>Every replica stops and its container is removed, with whatever it wrote outside volumes. Volumes stay.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
