import { useState } from 'react';
import type { DeployPlan, DeploySavedFiles } from '../../../../shared/api/deploy';
import type { ApiError } from '../../../../shared/errors';
import { api } from '../../bridge';
import { ErrorBox } from '../../components/ErrorBox';
import { hostPortNumber, useDeployStore } from './deploy-store';
import { PlanFacts, sourceText } from './PlanFacts';
import { PlanFindings } from './PlanFindings';

const Source = ({ plan, fact }: { plan: DeployPlan; fact: keyof DeployPlan['sources'] }) => (
  <span className="muted small">
    {sourceText(plan.sources[fact])}
    {plan.snippets[fact] && (
      <>
        {' '}
        <code>{plan.snippets[fact]}</code>
      </>
    )}
  </span>
);

/**
 * "Save Dockerfile to the folder": a deploy keeps its Dockerfile and ignore rules in memory, so this is the
 * only way they reach the folder. Never overwrites: an existing Dockerfile.porthole is a CONFLICT.
 */
function SaveFiles({ plan, dockerfile }: { plan: DeployPlan; dockerfile: string }) {
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<DeploySavedFiles | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const save = async () => {
    setBusy(true);
    setSaved(null);
    setError(null);
    const res = await api.invoke('deploy:save-files', { folder: plan.folder, dockerfile, dockerignore: plan.dockerignore });
    setBusy(false);
    if (res.ok) setSaved(res.data);
    else setError(res.error);
  };
  return (
    <div className="stack" data-testid="deploy-save-files">
      <div>
        <button type="button" className="btn btn-small" onClick={() => void save()} disabled={busy || !dockerfile.trim()}>
          {busy ? 'Saving…' : 'Save Dockerfile to the folder'}
        </button>
      </div>
      {saved && (
        <p className="muted small" role="status">
          Wrote {saved.written.join(' and ')} in {saved.folder}
          {saved.kept.length > 0 && ` (kept the folder's own ${saved.kept.join(', ')})`}. The next deploy of this folder builds from
          Dockerfile.porthole as it is: edit it to change the build.
        </p>
      )}
      {error && <ErrorBox error={error} />}
    </div>
  );
}

/** Where the app answers on this machine: empty lets Porthole choose (the app's port if free, else the next free one). */
function HostPortField({ containerPort }: { containerPort: number | null }) {
  const hostPort = useDeployStore((s) => s.hostPort);
  const setHostPort = useDeployStore((s) => s.setHostPort);
  const valid = hostPort === '' || hostPortNumber(hostPort) !== null;
  return (
    <label className="field">
      <span>Host port (on 127.0.0.1)</span>
      <input
        className="input"
        inputMode="numeric"
        value={hostPort}
        placeholder={containerPort ? `${containerPort}, or the next free one` : 'chosen by Porthole'}
        onChange={(e) => setHostPort(e.target.value.replace(/\D/g, ''))}
        aria-label="Host port"
      />
      {!valid && <span className="field-error">Enter a port from 1 to 65535, or leave it empty.</span>}
    </label>
  );
}

/** The plan: read-only facts with their sources, editable name/port/start/env, and the Dockerfile. */
export function PlanEditor({ plan }: { plan: DeployPlan }) {
  const makePlan = useDeployStore((s) => s.makePlan);
  const planning = useDeployStore((s) => s.planning);
  const dockerfile = useDeployStore((s) => s.dockerfile);
  const edited = useDeployStore((s) => s.dockerfileEdited);
  const setDockerfile = useDeployStore((s) => s.setDockerfile);
  const envValues = useDeployStore((s) => s.envValues);
  const setEnvValue = useDeployStore((s) => s.setEnvValue);
  const [name, setName] = useState(plan.name);
  const [port, setPort] = useState(plan.port === null ? '' : String(plan.port));
  const [start, setStart] = useState(plan.start ?? '');
  const changed = name !== plan.name || port !== String(plan.port ?? '') || start !== (plan.start ?? '');
  const portNumber = Number(port);
  const portValid = Number.isInteger(portNumber) && portNumber >= 1 && portNumber <= 65535;

  const apply = () => {
    if (edited && !window.confirm('Applying these changes writes a new Dockerfile and discards your edits to it. Continue?')) return;
    void makePlan({ name: name || undefined, port: portValid ? portNumber : undefined, start: start.trim() || undefined });
  };

  return (
    <section className="panel stack" aria-label="Deploy plan">
      <h2>Plan</h2>
      <PlanFacts plan={plan} />
      <div className="deploy-edit-grid">
        <label className="field">
          <span>Name <Source plan={plan} fact="name" /></span>
          <input className="input" value={name} onChange={(e) => setName(e.target.value.toLowerCase())} aria-label="App name" />
        </label>
        <label className="field">
          <span>
            Port the app listens on <Source plan={plan} fact="port" /> · {plan.portConfidence === 'high' ? 'sure' : plan.portConfidence === 'medium' ? 'likely' : 'a guess'}
          </span>
          <input className="input" inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value.replace(/\D/g, ''))} aria-label="Container port" />
          {!portValid && <span className="field-error">Enter a port from 1 to 65535.</span>}
        </label>
        <HostPortField containerPort={portValid ? portNumber : null} />
        <label className="field deploy-edit-wide">
          <span>Start command <Source plan={plan} fact="start" /></span>
          <input className="input mono" value={start} onChange={(e) => setStart(e.target.value)} aria-label="Start command" disabled={plan.usesOwnDockerfile} placeholder="e.g. node server.js" />
        </label>
      </div>
      {changed && (
        <div>
          <button type="button" className="btn" onClick={apply} disabled={planning || !portValid}>
            Apply changes to the Dockerfile
          </button>
        </div>
      )}
      <div>
        <h3>Environment variables</h3>
        {plan.env.length === 0 ? (
          <p className="muted small">The app reads no variables Porthole could find. PORT is set for it.</p>
        ) : (
          <>
            <p className="muted small">Found {sourceText(plan.sources.env).replace(/^from /, 'in ')}. Values from .env are passed when the container starts; type a value here to set or override one. Nothing is written into the image.</p>
            <div className="deploy-env">
              {plan.env.map((n) => {
                const required = plan.requiredEnv.find((r) => r.name === n && r.providedBy === null);
                return (
                  <label key={n} className="deploy-env-row">
                    <span>
                      <code>{n}</code>
                      {required && <span className="deploy-env-required"> required · {required.source}</span>}
                    </span>
                    <input
                      className="input"
                      value={envValues[n] ?? ''}
                      onChange={(e) => setEnvValue(n, e.target.value)}
                      placeholder={required ? 'the app stops without it' : '(from .env, or unset)'}
                      aria-label={`Value of ${n}`}
                      aria-required={Boolean(required)}
                      title={required?.snippet}
                    />
                  </label>
                );
              })}
            </div>
          </>
        )}
      </div>
      <PlanFindings plan={plan} />
      {plan.notes.length > 0 && (
        <ul className="deploy-notes" aria-label="Notes">
          {plan.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <label className="field">
        <span>
          {plan.usesOwnDockerfile ? `${plan.dockerfilePath} (the folder's own; built as it is unless you edit it here)` : 'Dockerfile Porthole will build (kept out of the folder unless you save it)'}
          {edited && <span className="muted small"> · edited</span>}
        </span>
        <textarea className="input mono deploy-dockerfile" value={dockerfile} onChange={(e) => setDockerfile(e.target.value)} spellCheck={false} aria-label="Dockerfile" rows={Math.min(24, dockerfile.split('\n').length + 1)} />
      </label>
      {plan.dockerignore && <p className="muted small">The folder has no .dockerignore, so Porthole builds with its own ignore rules, which keep .git, .env and local dependencies out of the image. Deploying writes nothing into the folder.</p>}
      {(!plan.usesOwnDockerfile || edited) && <SaveFiles plan={plan} dockerfile={dockerfile} />}
    </section>
  );
}
