import { PullProgress } from '../registries/PullProgress';
import type { TransferStatus } from '../../store/transfer-progress';
import { useDeployTask } from './deploy-store';

/** The base images pulled before the build, with the same per-layer progress as the Pull dialog (an item of the stage list). */
export function DeployPulls() {
  const task = useDeployTask();
  if (!task || task.pulls.length === 0) return null;
  const { pulls } = task;
  const stage = task.stages.pull.state;
  const running = task.status === 'running';
  return (
    <li className="stack-tight deploy-pulls" data-testid="deploy-pulls">
      {pulls.map((p) => {
        const status: TransferStatus = p.done ? 'done' : stage === 'failed' ? 'failed' : running ? 'running' : 'cancelled';
        return (
          <div key={p.reference} className="stack-tight" data-reference={p.reference}>
            <span className="small">
              Base image <span className="mono">{p.reference}</span>
              {p.done ? ' — pulled' : status === 'running' ? ' — not on this engine yet, pulling it' : ''}
            </span>
            <PullProgress progress={p} status={status} />
          </div>
        );
      })}
    </li>
  );
}
