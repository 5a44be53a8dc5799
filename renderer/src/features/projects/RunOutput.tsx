import { useComposeRuns } from './compose-runs';
import { ErrorBox } from '../../components/ErrorBox';

const VERB: Record<string, string> = { up: 'Starting', stop: 'Stopping', start: 'Starting', restart: 'Restarting', down: 'Taking down', pull: 'Pulling', build: 'Building' };

/** The compose command a project is running (or last ran): its words as compose prints them, and Cancel. */
export function RunOutput({ project }: { project: string }) {
  const run = useComposeRuns((s) => s.runs[project]);
  const cancel = useComposeRuns((s) => s.cancel);
  const dismiss = useComposeRuns((s) => s.dismiss);
  if (!run) return null;
  const what = `${VERB[run.action] ?? run.action}${run.services.length ? ` ${run.services.join(', ')}` : ''}`;
  return (
    <section className="compose-run" aria-label={`compose ${run.action} output`} data-status={run.status}>
      <div className="compose-run-head">
        <span role="status">
          {run.status === 'running' ? `${what}…` : run.status === 'done' ? `${what}: done${run.durationMs ? ` in ${(run.durationMs / 1000).toFixed(1)} s` : ''}` : run.status === 'cancelled' ? `${what}: cancelled` : `${what}: failed`}
        </span>
        {run.status === 'running' ? (
          <button type="button" className="btn" onClick={() => cancel(project)}>
            Cancel
          </button>
        ) : (
          <button type="button" className="btn" onClick={() => dismiss(project)}>
            Hide output
          </button>
        )}
      </div>
      {run.command && <code className="compose-command mono small">{run.command}</code>}
      {run.output && (
        <pre className="compose-output mono small" tabIndex={0} aria-label="compose output">
          {run.output}
        </pre>
      )}
      {run.error && run.status === 'failed' && <ErrorBox error={run.error} />}
    </section>
  );
}
