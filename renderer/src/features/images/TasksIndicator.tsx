import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { progressFraction, progressText } from '../../store/build-progress';
import './images.css';

/** A small sidebar line per build in progress (or just finished); clicking it reopens the build. */
export function TasksIndicator() {
  const ids = useStore(useShallow((s) => s.taskOrder.filter((id) => s.tasks[id]?.status === 'running' || s.tasks[id]?.status === 'failed')));
  if (ids.length === 0) return null;
  return (
    <div className="tasks-indicator" data-testid="tasks-indicator">
      {ids.slice(-3).map((id) => (
        <TaskLine key={id} id={id} />
      ))}
    </div>
  );
}

function TaskLine({ id }: { id: string }) {
  const task = useStore((s) => s.tasks[id]);
  const navigate = useStore((s) => s.navigate);
  const openBuildDialog = useStore((s) => s.openBuildDialog);
  const dismissTask = useStore((s) => s.dismissTask);
  if (!task) return null;
  const running = task.status === 'running';
  return (
    <div className={`task-line task-${task.status}`}>
      <button
        type="button"
        className="task-open"
        title={running ? 'Show the build' : 'Show what went wrong'}
        onClick={() => {
          navigate('images');
          openBuildDialog(id);
        }}
      >
        <span className="task-title">
          {running ? <span className="spinner" aria-hidden /> : <span aria-hidden>⚠</span>} {task.tag}
        </span>
        <span className="task-sub">{running ? progressText(task) : 'Build failed'}</span>
        {running && (
          <span className="task-bar" aria-hidden>
            <span style={{ width: `${Math.max(3, Math.round(progressFraction(task) * 100))}%` }} />
          </span>
        )}
      </button>
      {!running && (
        <button type="button" className="icon-button" aria-label={`Dismiss ${task.tag}`} onClick={() => dismissTask(id)}>
          ×
        </button>
      )}
    </div>
  );
}
