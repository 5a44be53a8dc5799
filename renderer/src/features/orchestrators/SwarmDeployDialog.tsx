import { useState } from 'react';
import { api } from '../../bridge';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { ApiError } from '../../../../shared/errors';
import type { SwarmServiceSpecInput } from '../../../../shared/api/swarm';
import type { OrchestratorSeed } from './prefill-store';
import { AppFields, type AppSpec } from './AppFields';

const MIB = 1024 * 1024;

const UPDATE_ORDERS = [
  { value: 'start-first', label: 'start the new replica first (no gap)' },
  { value: 'stop-first', label: 'stop the old replica first' },
] as const;

/** Deploy one service to the Swarm: the same app as a local deploy, with replicas and an update policy. */
export function SwarmDeployDialog({ seed, onClose, onDeployed }: { seed: OrchestratorSeed | null; onClose: () => void; onDeployed: (name: string) => void }) {
  const [app, setApp] = useState<AppSpec>({ name: seed?.name ?? '', image: seed?.image ?? '', port: String(seed?.port ?? 80), replicas: 2 });
  const [published, setPublished] = useState('');
  const [mode, setMode] = useState<'ingress' | 'host'>('ingress');
  const [env, setEnv] = useState((seed?.env ?? []).map((e) => `${e.key}=${e.value}`).join('\n'));
  const [cpus, setCpus] = useState('');
  const [memoryMiB, setMemoryMiB] = useState('');
  const [health, setHealth] = useState('');
  const [order, setOrder] = useState<(typeof UPDATE_ORDERS)[number]['value']>('start-first');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    const spec: SwarmServiceSpecInput = {
      name: app.name.trim(),
      image: app.image.trim(),
      replicas: app.replicas,
      ports: app.port ? [{ target: Number(app.port), ...(published ? { published: Number(published) } : {}), mode }] : [],
      env: env
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map((l) => ({ key: l.split('=')[0], value: l.slice(l.indexOf('=') + 1) })),
      limits: { ...(cpus ? { nanoCpus: Math.round(Number(cpus) * 1e9) } : {}), ...(memoryMiB ? { memoryBytes: Math.round(Number(memoryMiB) * MIB) } : {}) },
      ...(health.trim() ? { healthcheck: { test: ['CMD-SHELL', health.trim()] } } : {}),
      update: { parallelism: 1, delayMs: 0, order, failureAction: 'rollback', monitorMs: 5_000 },
    };
    const r = await api.invoke('swarm:create', spec);
    setBusy(false);
    if (r.ok) onDeployed(r.data.name);
    else setError(r.error);
  };

  return (
    <FormDialog title="Deploy to Swarm" onClose={onClose} onSubmit={() => void submit()} primaryLabel="Deploy" busyLabel="Deploying…" busy={busy} canSubmit={Boolean(app.name && app.image)} error={error} wide>
      <div className="form-grid">
        <AppFields app={app} onChange={setApp} nameLabel="Service name" />
        <TextField label="Published port (empty: any free one)" numeric="whole" value={published} onChange={setPublished} />
        <fieldset>
          <legend>Publish mode</legend>
          <label>
            <input type="radio" name="mode" checked={mode === 'ingress'} onChange={() => setMode('ingress')} /> Ingress — every node answers on the port and
            spreads requests over the replicas (the routing mesh)
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'host'} onChange={() => setMode('host')} /> Host — only nodes running a replica answer, on their
            own port; with a fixed port, one replica per node
          </label>
        </fieldset>
        <TextField label="Environment (KEY=value, one per line)" className="span-2" rows={3} value={env} onChange={setEnv} />
        <TextField label="CPU limit (cores)" numeric="decimal" value={cpus} onChange={setCpus} />
        <TextField label="Memory limit (MiB)" numeric="whole" value={memoryMiB} onChange={setMemoryMiB} />
        <TextField label="Health check command (optional, run inside the container)" className="span-2" value={health} placeholder="wget -q -O /dev/null http://localhost:3000/" onChange={setHealth} />
        <SelectField label="Updates" value={order} choices={UPDATE_ORDERS} onChange={setOrder} />
        <p className="muted small span-2">A failed update (a replica that will not start) is rolled back by the engine. Every node must be able to pull the image: push it to a registry the nodes reach (Images → Push).</p>
      </div>
    </FormDialog>
  );
}
