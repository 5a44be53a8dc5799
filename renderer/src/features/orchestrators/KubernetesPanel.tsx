import { useEffect, useRef, useState } from 'react';
import { api } from '../../bridge';
import { ErrorBox } from '../../components/ErrorBox';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { ApiError } from '../../../../shared/errors';
import type { KubeApplyEvent, KubeContexts } from '../../../../shared/api/kubernetes';
import { saveBlob } from '../../lib/save-file';
import { usePrefill } from './prefill-store';
import { AppFields, type AppSpec } from './AppFields';

const SERVICE_TYPES = [
  { value: 'ClusterIP', label: 'ClusterIP — reachable inside the cluster' },
  { value: 'NodePort', label: 'NodePort — a port on every node' },
  { value: 'LoadBalancer', label: "LoadBalancer — the cloud's load balancer" },
] as const;

/** The same app as a Deployment and a Service (and an Ingress), shown as YAML to edit, download or apply. */
export function KubernetesPanel() {
  const seed = usePrefill((s) => s.seed);
  const [app, setApp] = useState<AppSpec>({ name: seed?.name ?? '', image: seed?.image ?? '', port: String(seed?.port ?? 8080), replicas: 2 });
  const [serviceType, setServiceType] = useState<(typeof SERVICE_TYPES)[number]['value']>('ClusterIP');
  const [ingressHost, setIngressHost] = useState('');
  const [yaml, setYaml] = useState('');
  const [objects, setObjects] = useState<string[]>([]);
  const [contexts, setContexts] = useState<KubeContexts | null>(null);
  const [context, setContext] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [events, setEvents] = useState<KubeApplyEvent[]>([]);
  const [applying, setApplying] = useState<'idle' | 'running' | 'done' | 'failed'>('idle');
  const close = useRef<(() => void) | null>(null);

  useEffect(() => {
    void api.invoke('kubernetes:contexts', {}).then((r) => {
      if (!r.ok) return;
      setContexts(r.data);
      setContext(r.data.current ?? '');
    });
    return () => close.current?.();
  }, []);

  const generate = async () => {
    setError(null);
    const r = await api.invoke('kubernetes:manifest', {
      name: app.name.trim(),
      image: app.image.trim(),
      port: Number(app.port),
      replicas: app.replicas,
      serviceType,
      env: seed?.env ?? [],
      ...(ingressHost.trim() ? { ingressHost: ingressHost.trim() } : {}),
    });
    if (r.ok) {
      setYaml(r.data.yaml);
      setObjects(r.data.objects);
    } else setError(r.error);
  };

  const validate = async () => {
    const r = await api.invoke('kubernetes:validate', { yaml });
    if (r.ok) {
      setObjects(r.data.objects);
      setError(null);
      return true;
    }
    setError(r.error);
    return false;
  };

  const apply = async () => {
    if (!(await validate())) return;
    setEvents([]);
    setApplying('running');
    close.current = api.subscribe('kubernetes:apply', { yaml, ...(context ? { context } : {}) }, (m) => {
      if (m.kind === 'data') setEvents((prev) => [...prev.filter((e) => e.kind === 'applied' || e.kind !== m.data.kind), m.data]);
      else if (m.kind === 'end') setApplying('done');
      else {
        setApplying('failed');
        setError(m.error);
      }
    });
  };

  const latest = <K extends KubeApplyEvent['kind']>(kind: K) => [...events].reverse().find((e): e is Extract<KubeApplyEvent, { kind: K }> => e.kind === kind);
  const rollout = latest('rollout');
  const pods = latest('pods');
  return (
    <div className="stack">
      <form
        className="panel form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void generate();
        }}
        aria-label="Kubernetes objects"
      >
        <AppFields app={app} onChange={setApp} nameLabel="Name" portRequired />
        <SelectField label="Service type" value={serviceType} choices={SERVICE_TYPES} onChange={setServiceType} />
        <TextField label="Ingress host (optional)" value={ingressHost} placeholder="app.example.com" onChange={setIngressHost} />
        <p className="muted small span-2">
          The cluster pulls the image: push it to a registry it can reach first (Images → Push). A local cluster (Docker Desktop's Kubernetes, or kind after
          <code> kind load docker-image</code>) can use a local image as it is.
        </p>
        <div className="span-2">
          <button type="submit" className="btn btn-primary" disabled={!app.name || !app.image || !app.port}>
            Generate YAML
          </button>
        </div>
      </form>
      {error && <ErrorBox error={error} />}
      {yaml && (
        <section className="panel stack-tight" aria-label="Manifest">
          <label>
            {objects.join(', ')} — edit before applying if you like
            <textarea className="mono" rows={18} value={yaml} onChange={(e) => setYaml(e.target.value)} spellCheck={false} data-testid="kube-yaml" />
          </label>
          <div className="page-actions">
            <button type="button" className="btn" onClick={() => void validate()}>
              Check
            </button>
            <button type="button" className="btn" onClick={() => saveBlob(`${app.name || 'app'}.yaml`, new Blob([yaml], { type: 'application/yaml' }))}>
              Download
            </button>
            {contexts && contexts.contexts.length > 0 ? (
              <>
                <SelectField label="Context" className="field-inline" value={context} choices={contexts.contexts.map((c) => ({ value: c.name, label: c.name }))} onChange={setContext} />
                <button type="button" className="btn btn-primary" disabled={applying === 'running'} onClick={() => void apply()}>
                  {applying === 'running' ? 'Applying…' : 'Apply to the cluster'}
                </button>
              </>
            ) : (
              <span className="muted small" data-testid="kube-no-context">
                No kubeconfig found (KUBECONFIG or ~/.kube/config): download the YAML and apply it with kubectl.
              </span>
            )}
          </div>
          {events.length > 0 && (
            <div aria-live="polite">
              {rollout && (
                <p>
                  Rollout: {rollout.ready} of {rollout.desired} ready ({rollout.updated} updated) {rollout.message}
                </p>
              )}
              {pods && (
                <ul className="small">
                  {pods.pods.map((p) => (
                    <li key={p.name}>
                      {p.name}: {p.phase}
                      {p.ready ? ', ready' : ''}
                      {p.reason ? ` — ${p.reason}` : ''}
                    </li>
                  ))}
                </ul>
              )}
              {applying === 'done' && <p role="status">Available.</p>}
            </div>
          )}
        </section>
      )}
    </div>
  );
}
