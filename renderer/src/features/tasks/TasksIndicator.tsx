import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import type { Task } from '../../store/tasks-slice';
import { taskSummary } from './task-summary';
import { TransferTaskDialog } from './TransferTaskDialog';
import './tasks.css';

/** The sidebar's icon of the view a task belongs to, so a narrow sidebar still tells them apart. */
const KIND_ICONS: Record<Task['kind'], string> = { build: '▦', pull: '⇩', push: '⇧', deploy: '⇪', 'engine-start': '◎' };
const KIND_NAMES: Record<Task['kind'], string> = { build: 'Build', pull: 'Pull', push: 'Push', deploy: 'Deploy', 'engine-start': 'Engine start' };

/**
 * A small sidebar line per task in progress (or failed): builds, pulls, pushes, deploys, engine starts.
 * Clicking one shows it where it belongs: the build dialog, a pull's or push's progress, the Deploy or Overview view.
 */
export function TasksIndicator() {
  const ids = useStore(useShallow((s) => s.taskOrder.filter((id) => s.tasks[id]?.status === 'running' || s.tasks[id]?.status === 'failed')));
  const [transferShown, setTransferShown] = useState<string | null>(null);
  return (
    <>
      {ids.length > 0 && (
        <div className="tasks-indicator" data-testid="tasks-indicator">
          {ids.slice(-3).map((id) => (
            <TaskLine key={id} id={id} onShowTransfer={setTransferShown} />
          ))}
        </div>
      )}
      {transferShown && <TransferTaskDialog taskId={transferShown} onClose={() => setTransferShown(null)} />}
    </>
  );
}

function TaskLine({ id, onShowTransfer }: { id: string; onShowTransfer: (id: string) => void }) {
  const task = useStore((s) => s.tasks[id]);
  const navigate = useStore((s) => s.navigate);
  const openBuildDialog = useStore((s) => s.openBuildDialog);
  const dismissTask = useStore((s) => s.dismissTask);
  if (!task) return null;
  const running = task.status === 'running';
  const { text, fraction } = taskSummary(task);
  const show = (t: Task) => {
    if (t.kind === 'build') {
      navigate('images');
      openBuildDialog(t.id);
    } else if (t.kind === 'pull' || t.kind === 'push') onShowTransfer(t.id);
    else navigate(t.kind === 'deploy' ? 'deploy' : 'overview');
  };
  return (
    <div className={`task-line task-${task.status}`} data-kind={task.kind}>
      <button type="button" className="task-open" title={running ? `Show the ${task.kind === "engine-start" ? "engine start" : task.kind}` : 'Show what went wrong'} onClick={() => show(task)}>
        <span className="task-title">
          {running ? <span className="spinner" aria-hidden /> : <span aria-hidden>⚠</span>}{' '}
          <span className="task-kind" aria-hidden>
            {KIND_ICONS[task.kind]}
          </span>{' '}
          <span className="task-name">
            <span className="sr-only">{KIND_NAMES[task.kind]}: </span>
            {task.title}
          </span>
        </span>
        <span className="task-sub">{text}</span>
        {running && (
          <span className="task-bar" aria-hidden>
            <span style={{ width: `${Math.max(3, Math.round(fraction * 100))}%` }} />
          </span>
        )}
      </button>
      {!running && (
        <button type="button" className="icon-button" aria-label={`Dismiss ${task.title}`} onClick={() => dismissTask(id)}>
          ×
        </button>
      )}
    </div>
  );
}
