import { ErrorBox } from '../../components/ErrorBox';
import type { TransferView } from '../../store/transfer-progress';
import { PullProgress } from './PullProgress';

/** A pull's or push's progress and, once it stopped, why: the same lines wherever a transfer is shown. */
export function TransferOutcome({ state, testId }: { state: TransferView; testId?: string }) {
  if (state.status === 'idle') return null;
  return (
    <div className="stack-tight" data-testid={testId}>
      <PullProgress progress={state.progress} status={state.status} />
      {state.status === 'done' && state.kind === 'pull' && (
        <p className="field-ok" data-testid="pull-done">
          ✓ Pulled <span className="mono">{state.reference}</span>
        </p>
      )}
      {state.status === 'done' && state.kind === 'push' && <p className="field-ok">✓ Pushed {state.reference}</p>}
      {state.status === 'cancelled' && state.kind === 'pull' && <p className="muted">The pull was cancelled. Layers already downloaded stay and make the next try faster.</p>}
      {state.status === 'failed' && state.error && <ErrorBox error={state.error} />}
    </div>
  );
}
