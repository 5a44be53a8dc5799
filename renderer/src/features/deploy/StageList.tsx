import { Fragment, useEffect, useState } from 'react';
import { DEPLOY_STAGES, type DeployStage } from '../../../../shared/deploy-stages';
import { freshStages } from '../../store/deploy-progress';
import { useDeployTask } from './deploy-store';
import { DeployPulls } from './DeployPulls';

const LABELS: Record<DeployStage, string> = {
  plan: 'Check the folder',
  dockerfile: 'Write the Dockerfile',
  pull: 'Pull the base image',
  build: 'Build the image',
  run: 'Start the container',
  wait: 'Wait until it answers',
  open: 'Open in the browser',
};
/** A compose deploy runs compose up instead of writing, pulling and building itself. */
const COMPOSE_LABELS: Partial<Record<DeployStage, string>> = {
  plan: 'Read the compose files',
  run: 'Run compose up',
  wait: 'Wait until the entry point answers',
};
const MARKS = { waiting: '○', running: '◌', done: '✓', failed: '✗', skipped: '–' } as const;

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/** The pipeline's stages as they happen, with elapsed times. */
export function StageList({ compose = false }: { compose?: boolean }) {
  const task = useDeployTask();
  const stages = task?.stages ?? freshStages();
  const running = task?.status === 'running';
  const now = useNow(running);
  return (
    <ol className="deploy-stages" aria-label="Deploy stages">
      {DEPLOY_STAGES.map((stage) => {
        const s = stages[stage];
        const elapsed = s.elapsedMs ?? (s.state === 'running' && s.startedMs ? now - s.startedMs : undefined);
        return (
          <Fragment key={stage}>
          <li className={`deploy-stage deploy-stage-${s.state}`} data-stage={stage} data-state={s.state}>
            <span className="deploy-stage-mark" aria-hidden>
              {MARKS[s.state]}
            </span>
            <span className="deploy-stage-label">{(compose && COMPOSE_LABELS[stage]) || LABELS[stage]}</span>
            <span className="deploy-stage-time muted small">{elapsed !== undefined ? `${(elapsed / 1000).toFixed(1)} s` : ''}</span>
            {s.message && <span className="deploy-stage-message muted small">{s.message}</span>}
          </li>
          {stage === 'pull' && <DeployPulls />}
          </Fragment>
        );
      })}
    </ol>
  );
}
