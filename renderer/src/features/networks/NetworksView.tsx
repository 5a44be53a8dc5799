import { useId, useState } from 'react';
import { api } from '../../bridge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useConfirmRemove } from '../../components/use-confirm-remove';
import { FormDialog } from '../../components/FormDialog';
import { ErrorBox } from '../../components/ErrorBox';
import { ListNotice } from '../../components/ListNotice';
import { useStore } from '../../store';
import type { ApiError } from '../../../../shared/errors';
import type { NetworkSummary } from '../../../../shared/api/networks';
import { useLiveList } from '../../store/use-live-list';
import { networksList } from '../../store/lists';
import { ResourceTable } from '../../components/ResourceTable';
import { PageHeader } from '../../components/PageHeader';
import '../../components/kit.css';

function CreateNetworkDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [subnet, setSubnet] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    const r = await api.invoke('networks:create', { name: name.trim(), ...(subnet.trim() ? { subnet: subnet.trim() } : {}) });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onClose();
  };
  return (
    <FormDialog title="Create a network" onClose={onClose} onSubmit={() => void submit()} primaryLabel="Create" busyLabel="Creating…" busy={busy} canSubmit={Boolean(name.trim())} error={error}>
      <div className="field">
        <label htmlFor={`${id}-name`}>Network name</label>
        <input id={`${id}-name`} className="input mono" autoFocus value={name} placeholder="app-net" onChange={(e) => setName(e.target.value)} />
        <span className="field-hint">A bridge network: containers on it reach each other by container name.</span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-subnet`}>Subnet (optional)</label>
        <input id={`${id}-subnet`} className="input mono" value={subnet} placeholder="172.30.0.0/16 — empty: the engine picks one" onChange={(e) => setSubnet(e.target.value)} />
      </div>
    </FormDialog>
  );
}

/** Joins one more container to `network`; the choices come from the store's live container list. */
function ConnectDialog({ network, onClose }: { network: NetworkSummary; onClose: () => void }) {
  const id = useId();
  const containers = useStore((s) => s.containers);
  const candidates = Object.values(containers).filter((c) => !network.containers.some((n) => n.id === c.id));
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async () => {
    const r = await api.invoke('networks:connect', { id: network.id, container: choice });
    if (!r.ok) return setError(r.error);
    onClose();
  };
  return (
    <FormDialog title={`Connect a container to ${network.name}`} onClose={onClose} onSubmit={() => void submit()} primaryLabel="Connect" canSubmit={Boolean(choice)} error={error}>
      <div className="field">
        <label htmlFor={id}>Container</label>
        <select id={id} className="input" value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Choose a container…</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.state})
            </option>
          ))}
        </select>
      </div>
    </FormDialog>
  );
}

/** Networks: which containers can reach each other. */
export function NetworksView() {
  const { data: items, loaded, error, connected } = useLiveList(networksList);
  const toast = useStore((s) => s.toast);
  const [creating, setCreating] = useState(false);
  const [connecting, setConnecting] = useState<NetworkSummary | null>(null);
  const removal = useConfirmRemove((n: NetworkSummary) => api.invoke('networks:remove', { id: n.id }));
  // One click on a chip's × only asks: disconnecting cuts a running app off from its peers.
  const [disconnecting, setDisconnecting] = useState<{ network: NetworkSummary; container: { id: string; name: string } } | null>(null);

  const disconnect = async (n: NetworkSummary, container: { id: string; name: string }) => {
    const r = await api.invoke('networks:disconnect', { id: n.id, container: container.id });
    if (!r.ok) toast({ tone: 'error', title: `Could not disconnect ${container.name}`, body: r.error.message });
  };

  return (
    <div className="stack">
      <PageHeader title="Networks" subtitle="Containers on the same user-made network find each other by name.">
        <button type="button" className="btn btn-primary" disabled={!connected} onClick={() => setCreating(true)}>
          Create network
        </button>
      </PageHeader>
      <ListNotice what="networks" loaded={loaded} error={error} connected={connected} />
      {items.length > 0 && (
        <ResourceTable
          label="Networks"
          testId="networks-table"
          rows={items}
          rowKey={(n) => n.id}
          rowAttrs={(n) => ({ 'data-testid': 'network-row', 'data-name': n.name })}
          columns={[
            {
              key: 'name',
              header: 'Name',
              cell: (n) => (
                <>
                  <span className="mono">{n.name}</span>
                  {n.builtIn && <div className="muted small">built in</div>}
                  {n.internal && <div className="muted small">internal (no outside access)</div>}
                </>
              ),
            },
            { key: 'driver', header: 'Driver', hideBelow: 'narrow', cell: (n) => n.driver },
            { key: 'subnet', header: 'Subnet', cell: (n) => <span className="mono small">{n.subnets.join(', ') || <span className="muted">—</span>}</span> },
            {
              key: 'containers',
              header: 'Containers',
              cell: (n) => (
                <>
                  {n.containers.length === 0 && <span className="muted">none</span>}
                  {n.containers.map((c) => (
                    <span key={c.id} className="chip" title={c.ipv4 ? `${c.ipv4} · ${c.state}` : c.state}>
                      {c.name}
                      {!n.builtIn || n.name === 'bridge' ? (
                        <button type="button" aria-label={`Disconnect ${c.name} from ${n.name}`} onClick={() => setDisconnecting({ network: n, container: c })}>
                          ×
                        </button>
                      ) : null}
                    </span>
                  ))}
                </>
              ),
            },
            {
              key: 'actions',
              header: 'Actions',
              kind: 'actions',
              cell: (n) => (
                <>
                  {n.driver === 'bridge' && (
                    <button type="button" className="btn btn-small" aria-label={`Connect a container to ${n.name}`} onClick={() => setConnecting(n)}>
                      Connect…
                    </button>
                  )}
                  {!n.builtIn && (
                    <button type="button" className="btn btn-small btn-danger" aria-label={`Remove ${n.name}`} onClick={() => removal.ask(n)}>
                      Remove
                    </button>
                  )}
                </>
              ),
            },
          ]}
        />
      )}
      {disconnecting && (
        <ConfirmDialog
          title={`Disconnect ${disconnecting.container.name}?`}
          confirmLabel="Disconnect"
          danger
          onConfirm={() => {
            void disconnect(disconnecting.network, disconnecting.container);
            setDisconnecting(null);
          }}
          onCancel={() => setDisconnecting(null)}
        >
          <p>
            {disconnecting.container.name} leaves the network {disconnecting.network.name}: it can no longer reach the other containers on it by name, and they cannot reach it.
          </p>
        </ConfirmDialog>
      )}
      {creating && <CreateNetworkDialog onClose={() => setCreating(false)} />}
      {connecting && <ConnectDialog network={connecting} onClose={() => setConnecting(null)} />}
      {removal.target && (
        <ConfirmDialog title={`Remove network ${removal.target.name}?`} confirmLabel="Remove" danger busy={removal.busy} onConfirm={() => void removal.confirm()} onCancel={removal.cancel}>
          <p>Containers can no longer join it. {removal.target.containers.length > 0 && `Disconnect ${removal.target.containers.map((c) => c.name).join(', ')} first.`}</p>
          {removal.error && <ErrorBox error={removal.error} />}
        </ConfirmDialog>
      )}
    </div>
  );
}
