import { useState } from 'react';
import type { ApiError } from '../../../../../shared/errors';
import { ErrorBox } from '../../../components/ErrorBox';
import { useStore } from '../../../store';

const reasonOf = (error: ApiError) => (error.detail as { reason?: string } | undefined)?.reason;

/** Why the terminal could not start, with the way forward: start the container, or try again. */
export function TerminalProblem({ error, containerId, onRetry }: { error: ApiError; containerId: string; onRetry: () => void }) {
  const run = useStore((s) => s.runContainerAction);
  const [starting, setStarting] = useState(false);
  const reason = reasonOf(error);
  return (
    <div className="term-problem" data-testid="terminal-problem" data-reason={reason ?? error.code}>
      <ErrorBox error={error} />
      <div className="term-problem-actions">
        {(reason === 'not-running' || reason === 'paused') && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={starting}
            onClick={() => {
              setStarting(true);
              void run([containerId], reason === 'paused' ? 'unpause' : 'start').then(() => {
                setStarting(false);
                onRetry();
              });
            }}
          >
            {starting ? 'Starting…' : reason === 'paused' ? 'Unpause and open a terminal' : 'Start the container and open a terminal'}
          </button>
        )}
        <button type="button" className="btn" onClick={onRetry}>
          Try again
        </button>
      </div>
    </div>
  );
}
