import { useEffect, useRef } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { progressFraction, progressText, type BuildTask } from '../../store/build-progress';

/** A build's live state: a step bar, the output as it streams (kept scrolled to the end), and the error in words. */
export function BuildProgress({ task }: { task: BuildTask }) {
  const outputRef = useRef<HTMLPreElement>(null);
  const stuckToBottom = useRef(true);
  useEffect(() => {
    const el = outputRef.current;
    if (el && stuckToBottom.current) el.scrollTop = el.scrollHeight;
  }, [task.output]);

  const percent = Math.round(progressFraction(task) * 100);
  return (
    <div className="build-progress" data-testid="build-progress" data-status={task.status}>
      <div className="build-status-line">
        <span className={`status-pill status-${task.status}`} data-testid="build-status">
          {statusWords(task)}
        </span>
        <span className="mono build-tag">{task.tag}</span>
        <span className="muted small mono build-folder" title={task.context}>
          {task.context}
        </span>
      </div>
      <div className="build-step" aria-live="polite">
        <strong data-testid="build-step">{progressText(task)}</strong>
        {task.instruction && task.status === 'running' && <span className="mono muted"> : {task.instruction}</span>}
      </div>
      <div
        className={`progress progress-${task.status}`}
        role="progressbar"
        aria-label="Build progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={progressText(task)}
      >
        <div className="progress-fill" style={{ width: `${task.status === 'running' ? Math.max(percent, 3) : percent}%` }} />
      </div>
      <pre
        ref={outputRef}
        className="build-output"
        data-testid="build-output"
        tabIndex={0}
        aria-label="Build output"
        onScroll={(e) => {
          const el = e.currentTarget;
          stuckToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
      >
        {task.truncated && <span className="muted">… earlier output dropped …{'\n'}</span>}
        {task.output || (task.status === 'running' ? 'Sending the folder to the engine…' : '')}
      </pre>
      {task.error && task.status !== 'cancelled' && <ErrorBox error={task.error} />}
      {task.status === 'cancelled' && <p className="muted">The build was cancelled; nothing was tagged.</p>}
      {task.status === 'done' && (
        <p className="field-ok" data-testid="build-done">
          ✓ Built <span className="mono">{task.tag}</span>
          {task.imageId && <span className="muted mono"> ({task.imageId.replace(/^sha256:/, '').slice(0, 12)})</span>}
          {durationText(task)}
        </p>
      )}
    </div>
  );
}

function statusWords(task: BuildTask): string {
  switch (task.status) {
    case 'running':
      return 'Building';
    case 'done':
      return 'Built';
    case 'failed':
      return 'Build failed';
    case 'cancelled':
      return 'Cancelled';
  }
}

function durationText(task: BuildTask): string {
  if (!task.endedMs) return '';
  const s = (task.endedMs - task.startedMs) / 1000;
  return ` in ${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
}
