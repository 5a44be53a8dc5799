import { useEffect, useState } from 'react';
import { api } from '../../bridge';
import { ErrorBox } from '../../components/ErrorBox';
import type { EngineCandidate, EngineSetupReport } from '../../../../shared/api/engine-setup';
import { useEngineStart } from './use-engine-start';

function CandidateRow({ candidate, busy, onStart }: { candidate: EngineCandidate; busy: boolean; onStart: () => void }) {
  return (
    <li className="engine-candidate" data-testid={`engine-candidate-${candidate.id}`}>
      <div>
        <strong>{candidate.name}</strong> <span className="muted small">{candidate.found}</span>
        <p className="small">{candidate.startDescription}</p>
        <code className="small">{candidate.command}</code>
      </div>
      <button type="button" className="btn btn-primary" disabled={busy} onClick={onStart}>
        {candidate.startBy === 'admin' ? 'I ran it — wait for it' : `Start ${candidate.name}`}
      </button>
    </li>
  );
}

/** What is installed and can be started, or what to install: the way out of "no engine". */
export function EngineSetup() {
  const [report, setReport] = useState<EngineSetupReport | null>(null);
  const { task, start, cancel } = useEngineStart();

  useEffect(() => {
    let live = true;
    void api.invoke('engine-setup:report', {}).then((r) => live && r.ok && setReport(r.data));
    return () => {
      live = false;
    };
  }, []);

  if (!report) return null;
  const busy = task?.status === 'running';
  const chooseOnLaunch = async (candidateId: string | null) => {
    const r = await api.invoke('engine-setup:start-on-launch', { candidateId });
    if (r.ok) setReport(r.data);
  };

  if (report.candidates.length === 0) {
    return (
      <section aria-labelledby="engine-install-heading" data-testid="engine-install">
        <h3 id="engine-install-heading">No engine is installed. Install one:</h3>
        <ul>
          {report.install.map((hint) => (
            <li key={hint.name}>
              <strong>{hint.name}</strong>
              {hint.command && (
                <>
                  {' — '}
                  <code>{hint.command}</code>
                </>
              )}{' '}
              <a href={hint.url} target="_blank" rel="noreferrer">
                instructions
              </a>
            </li>
          ))}
        </ul>
        <p className="muted small">Porthole keeps looking and moves on by itself once an engine answers.</p>
      </section>
    );
  }

  return (
    <section aria-labelledby="engine-candidates-heading" data-testid="engine-candidates">
      <h3 id="engine-candidates-heading">Installed but not running</h3>
      <ul className="engine-candidates">
        {report.candidates.map((c) => (
          <CandidateRow key={c.id} candidate={c} busy={busy} onStart={() => start(c)} />
        ))}
      </ul>
      {task && (
        <div className="engine-start-progress" aria-live="polite" data-testid="engine-start-progress">
          {busy && <p>{task.waiting ?? 'Starting…'}</p>}
          {task.status === 'done' && <p>The engine answers. Connecting…</p>}
          {task.status === 'cancelled' && <p>Cancelled. Nothing Porthole started is left running.</p>}
          {task.error && task.status === 'failed' && <ErrorBox error={task.error} />}
          {task.output.length > 0 && (
            <pre className="engine-start-output" tabIndex={0} aria-label="Output of the engine being started">
              {task.output.join('\n')}
            </pre>
          )}
          {busy && (
            <button type="button" className="btn" onClick={cancel}>
              Cancel
            </button>
          )}
        </div>
      )}
      <label className="small">
        Start this engine when Porthole starts:{' '}
        <select value={report.startOnLaunch ?? ''} onChange={(e) => void chooseOnLaunch(e.target.value || null)}>
          <option value="">none</option>
          {report.candidates
            .filter((c) => c.startBy === 'porthole')
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
        </select>
      </label>
    </section>
  );
}
