import { api } from '../../bridge';
import { ErrorBox } from '../../components/ErrorBox';
import { useStore } from '../../store';
import type { DeployPlan, DeployResult } from '../../../../shared/api/deploy';
import { prefillFromPlan } from '../../../../shared/orchestrator-prefill';
import { usePrefill } from '../orchestrators/prefill-store';
import { deployFailureOf } from '../../../../shared/errors';
import { hostPortNumber, useDeployRunning, useDeployStore, useDeployTask } from './deploy-store';
import { PlanEditor } from './PlanEditor';
import { StageList } from './StageList';
import { DeployHistory } from './DeployHistory';
import { ComposePlan, ComposeSuccess } from './ComposePlan';
import './deploy.css';

/** Opens the deployed app: the shell's browser in Electron, a new tab in the browser host. */
async function openUrl(url: string): Promise<void> {
  const res = await api.invoke('host:open-external', { url });
  if (!res.ok || !res.data.opened) window.open(url, '_blank', 'noopener');
}

function FolderPicker() {
  const folder = useDeployStore((s) => s.folder);
  const setFolder = useDeployStore((s) => s.setFolder);
  const mirror = useDeployStore((s) => s.mirror);
  const setMirror = useDeployStore((s) => s.setMirror);
  const makePlan = useDeployStore((s) => s.makePlan);
  const planning = useDeployStore((s) => s.planning);
  const running = useDeployRunning();
  const canPick = useStore((s) => s.hostCaps.folderPicker);
  const choose = async () => {
    const res = await api.invoke('host:pick-folder', { title: 'Choose the app folder to deploy' });
    if (res.ok && res.data.path) {
      setFolder(res.data.path);
      void makePlan();
    }
  };
  return (
    <form
      className="panel stack"
      onSubmit={(e) => {
        e.preventDefault();
        void makePlan();
      }}
    >
      <label className="field">
        <span>App folder (its full path)</span>
        <div className="deploy-row">
          <input className="input mono" value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="/home/me/projects/my-api" aria-label="App folder" />
          {canPick && (
            <button type="button" className="btn" onClick={() => void choose()} disabled={running}>
              Choose…
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={!folder.trim() || planning || running}>
            {planning ? 'Reading…' : 'Read folder'}
          </button>
        </div>
      </label>
      <label className="field">
        <span>
          Base images from <span className="muted small">(empty: Docker Hub&apos;s official images; or your company&apos;s mirror, e.g. mirror.example.com or 127.0.0.1:5000)</span>
        </span>
        <input className="input mono" value={mirror} onChange={(e) => setMirror(e.target.value)} placeholder="Docker Hub" aria-label="Registry mirror" />
      </label>
    </form>
  );
}

function Failure() {
  const error = useDeployTask()?.error ?? null;
  if (!error) return null;
  const detail = deployFailureOf(error);
  return (
    <div className="stack" data-testid="deploy-error">
      <ErrorBox error={error.code === 'APP_CRASHED' ? { ...error, message: error.message.split('\n')[0] } : error} />
      {detail?.logTail && detail.logTail.length > 0 && (
        <>
          <p className="muted small">The container&apos;s last output:</p>
          <pre className="deploy-output">{detail.logTail.join('\n')}</pre>
        </>
      )}
    </div>
  );
}

function Success({ result, plan }: { result: DeployResult; plan: DeployPlan | null }) {
  const navigate = useStore((st) => st.navigate);
  const setSeed = usePrefill((st) => st.setSeed);
  // One more step for the same app: the image just built, as a Swarm service or a Kubernetes Deployment.
  const toOrchestrators = () => {
    setSeed({ ...prefillFromPlan({ name: result.container, port: plan?.port ?? null, env: plan?.env ?? [] }), image: result.image });
    navigate('orchestrators');
  };
  return (
    <div className="deploy-success" data-testid="deploy-success">
      <strong>{result.container} is running.</strong> It answers at{' '}
      <a href={result.url} target="_blank" rel="noreferrer" data-testid="deploy-url">
        {result.url}
      </a>
      {result.portMoved && <span className="muted small"> (the app&apos;s own port was taken on this computer, so Porthole picked the next free one)</span>}
      {result.replaced && <span className="muted small"> · replaced the previous version</span>}
      <div>
        <button type="button" className="btn btn-small" onClick={toOrchestrators}>
          Deploy to Swarm or Kubernetes…
        </button>
      </div>
    </div>
  );
}

export function DeployView() {
  const plan = useDeployStore((s) => s.plan);
  const planError = useDeployStore((s) => s.planError);
  const task = useDeployTask();
  const running = task?.status === 'running';
  const deploy = useDeployStore((s) => s.deploy);
  const cancelTask = useStore((s) => s.cancelTask);
  const output = task?.output ?? [];
  const result = task?.result ?? null;
  const composeResult = task?.composeResult ?? null;
  const toast = useStore((s) => s.toast);
  const envValues = useDeployStore((s) => s.envValues);
  // A required variable with no value from .env must be typed before building: the app would only crash.
  const missingEnv = plan && plan.kind !== 'compose' ? plan.requiredEnv.filter((r) => r.providedBy === null && !envValues[r.name]?.trim()) : [];
  const compose = plan?.kind === 'compose' ? plan : null;
  const app = plan && plan.kind !== 'compose' ? plan : null;
  const hostPortOk = useDeployStore((s) => s.hostPort === '' || hostPortNumber(s.hostPort) !== null);
  const canDeploy = compose ? compose.problems.length === 0 : Boolean(app && app.port !== null && (app.usesOwnDockerfile || app.start)) && missingEnv.length === 0 && hostPortOk;
  const finished = result ?? composeResult;
  const started = task !== undefined;

  return (
    <div className="stack">
      <header className="page-header">
        <h1>Deploy</h1>
        <p className="muted">Turn an app folder into a running container: Porthole works out the runtime, the start command and the port, shows you the plan, then builds and runs it.</p>
      </header>
      <FolderPicker />
      {planError && <ErrorBox error={planError} />}
      {!plan && !planError && <p className="muted">Type the path of an app folder (Node, Python, Ruby, Go, a static site, one with its own Dockerfile, or a compose project) and choose “Read folder”.</p>}
      {app && <PlanEditor key={`${app.folder}:${app.name}:${app.port}:${app.start}`} plan={app} />}
      {compose && <ComposePlan plan={compose} />}
      {plan && (
        <section className="panel stack" aria-label="Deploy progress">
          <div className="deploy-row">
            <button
              type="button"
              className="btn btn-primary"
              disabled={!canDeploy || running}
              onClick={() =>
                deploy((r) => {
                  toast({ tone: 'success', title: r.title, body: r.url ?? undefined });
                  if (r.url) void openUrl(r.url);
                })
              }
            >
              {running ? 'Deploying…' : finished ? 'Deploy again' : 'Deploy'}
            </button>
            {running && (
              <button type="button" className="btn" onClick={() => cancelTask(task.id)}>
                Cancel
              </button>
            )}
            {!canDeploy && missingEnv.length > 0 && (
              <span className="muted small" data-testid="deploy-missing-env">
                The app stops without {missingEnv.map((r) => `${r.name} (${r.source})`).join(', ')}: give {missingEnv.length === 1 ? 'it a value' : 'them values'} under Environment variables first.
              </span>
            )}
            {!canDeploy && compose && <span className="muted small">Fix the compose file first, then read the folder again.</span>}
            {!canDeploy && app && missingEnv.length === 0 && <span className="muted small">Set the start command and the port first.</span>}
          </div>
          {started && <StageList compose={Boolean(compose)} />}
          {result && !running && <Success result={result} plan={app} />}
          {composeResult && !running && <ComposeSuccess result={composeResult} />}
          <Failure />
          {output.length > 0 && (
            <details open={running}>
              <summary>{compose ? 'compose output' : 'Build output'} ({output.length} lines)</summary>
              <pre className="deploy-output" data-testid="deploy-output">{output.join('\n')}</pre>
            </details>
          )}
        </section>
      )}
      <DeployHistory />
    </div>
  );
}
