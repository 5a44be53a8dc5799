import { useState } from 'react';
import { api } from '../../bridge';
import { FormDialog } from '../../components/FormDialog';
import type { ApiError } from '../../../../shared/errors';
import type { SwarmServiceSpecInput } from '../../../../shared/api/swarm';
import type { OrchestratorSeed } from './prefill-store';

const MIB = 1024 * 1024;

/** Deploy one service to the Swarm: the same app as a local deploy, with replicas and an update policy. */
export function SwarmDeployDialog({ seed, onClose, onDeployed }: { seed: OrchestratorSeed | null; onClose: () => void; onDeployed: (name: string) => void }) {
  const [name, setName] = useState(seed?.name ?? '');
  const [image, setImage] = useState(seed?.image ?? '');
  const [replicas, setReplicas] = useState(2);
  const [target, setTarget] = useState(String(seed?.port ?? 80));
  const [published, setPublished] = useState('');
  const [mode, setMode] = useState<'ingress' | 'host'>('ingress');
  const [env, setEnv] = useState((seed?.env ?? []).map((e) => `${e.key}=${e.value}`).join('\n'));
  const [cpus, setCpus] = useState('');
  const [memoryMiB, setMemoryMiB] = useState('');
  const [health, setHealth] = useState('');
  const [order, setOrder] = useState<'start-first' | 'stop-first'>('start-first');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    const spec: SwarmServiceSpecInput = {
      name: name.trim(),
      image: image.trim(),
      replicas,
      ports: target ? [{ target: Number(target), ...(published ? { published: Number(published) } : {}), mode }] : [],
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
    <FormDialog title="Deploy to Swarm" onClose={onClose} onSubmit={() => void submit()} primaryLabel="Deploy" busyLabel="Deploying…" busy={busy} canSubmit={Boolean(name && image)} error={error} wide>
      <div className="form-grid">
        <label>
          Service name
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label>
          Image
          <input value={image} onChange={(e) => setImage(e.target.value)} required />
        </label>
        <label>
          Replicas: {replicas}
          <input type="range" min={0} max={20} value={replicas} onChange={(e) => setReplicas(Number(e.target.value))} />
        </label>
        <label>
          Container port
          <input inputMode="numeric" value={target} onChange={(e) => setTarget(e.target.value.replace(/\D/g, ''))} />
        </label>
        <label>
          Published port (empty: any free one)
          <input inputMode="numeric" value={published} onChange={(e) => setPublished(e.target.value.replace(/\D/g, ''))} />
        </label>
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
        <label className="span-2">
          Environment (KEY=value, one per line)
          <textarea rows={3} value={env} onChange={(e) => setEnv(e.target.value)} />
        </label>
        <label>
          CPU limit (cores)
          <input inputMode="decimal" value={cpus} onChange={(e) => setCpus(e.target.value.replace(/[^\d.]/g, ''))} />
        </label>
        <label>
          Memory limit (MiB)
          <input inputMode="numeric" value={memoryMiB} onChange={(e) => setMemoryMiB(e.target.value.replace(/\D/g, ''))} />
        </label>
        <label className="span-2">
          Health check command (optional, run inside the container)
          <input value={health} onChange={(e) => setHealth(e.target.value)} placeholder="wget -q -O /dev/null http://localhost:3000/" />
        </label>
        <label>
          Updates
          <select value={order} onChange={(e) => setOrder(e.target.value as 'start-first' | 'stop-first')}>
            <option value="start-first">start the new replica first (no gap)</option>
            <option value="stop-first">stop the old replica first</option>
          </select>
        </label>
        <p className="muted small span-2">A failed update (a replica that will not start) is rolled back by the engine. Every node must be able to pull the image: push it to a registry the nodes reach (Images → Push).</p>
      </div>
    </FormDialog>
  );
}
