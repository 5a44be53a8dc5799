import type { ComposeDeployPlan, ComposeDeployResult } from '../../../../shared/api/deploy-compose';
import { ComposePreviewPanel } from '../projects/ComposePreviewPanel';
import { useDeployRunning, useDeployStore } from './deploy-store';

/** A compose folder's plan: compose up of its services (the Projects preview), and the entry point to wait for. */
export function ComposePlan({ plan }: { plan: ComposeDeployPlan }) {
  const entryService = useDeployStore((s) => s.entryService);
  const setEntryService = useDeployStore((s) => s.setEntryService);
  const running = useDeployRunning();
  const publishing = plan.services.filter((s) => s.ports.some((p) => p.hostPort));
  const preview = { projectName: plan.name, workingDir: plan.folder, files: plan.files, ...(plan.envFile ? { envFile: '.env' } : {}), services: plan.services, volumes: [], networks: [], problems: plan.problems };
  return (
    <section className="panel stack" aria-label="Deploy plan" data-testid="compose-plan">
      <h2>Plan: compose up</h2>
      <ul className="deploy-notes">
        {plan.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <ComposePreviewPanel preview={preview} />
      <label className="field">
        <span>
          Entry point <span className="muted small">(the deploy waits until this service&apos;s published port answers, then opens it)</span>
        </span>
        <select className="input" aria-label="Entry point" value={entryService ?? ''} disabled={running} onChange={(e) => setEntryService(e.target.value || null)}>
          {publishing.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name} (port {s.ports.find((p) => p.hostPort)?.hostPort})
            </option>
          ))}
          <option value="">None: done when compose has started everything</option>
        </select>
      </label>
    </section>
  );
}

export function ComposeSuccess({ result }: { result: ComposeDeployResult }) {
  return (
    <div className="deploy-success" data-testid="deploy-success">
      <strong>
        {result.project} is up ({result.services.join(', ')}).
      </strong>{' '}
      {result.url ? (
        <>
          {result.entryService} answers at{' '}
          <a href={result.url} target="_blank" rel="noreferrer" data-testid="deploy-url">
            {result.url}
          </a>
        </>
      ) : (
        <span className="muted">No entry point was chosen, so there is no address to open.</span>
      )}
      <span className="muted small"> · it is listed in Projects, with its logs, stop and down.</span>
    </div>
  );
}
