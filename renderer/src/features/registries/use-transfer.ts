import { useCallback, useState } from 'react';
import { useStore } from '../../store';
import { taskOfKind } from '../../store/tasks-slice';
import { transferView, type TransferTask } from '../../store/transfer-progress';

/**
 * The pull or push a panel started, shown from the tasks slice: closing the panel leaves it running
 * (the tasks indicator shows it); Cancel stops it at the engine.
 */
export function useTransfer(kind: 'pull' | 'push') {
  const [taskId, setTaskId] = useState<string | null>(null);
  const task = useStore((s) => taskOfKind(taskId ? s.tasks[taskId] : undefined, kind));
  const startTransfer = useStore((s) => s.startTransfer);
  const cancelTask = useStore((s) => s.cancelTask);

  const start = useCallback((reference: string, onDone?: (task: TransferTask) => void) => setTaskId(startTransfer(kind, reference, onDone)), [kind, startTransfer]);
  const cancel = useCallback(() => {
    if (taskId) cancelTask(taskId);
  }, [taskId, cancelTask]);

  return { state: transferView(task, kind), start, cancel };
}
