import { Dialog } from '../../components/Dialog';
import { useStore } from '../../store';
import { taskOfKind } from '../../store/tasks-slice';
import { transferView } from '../../store/transfer-progress';
import { TransferOutcome } from '../registries/TransferOutcome';
import { CancelOrClose } from './CancelOrClose';

/** A pull or push reopened from the tasks indicator: its progress, Cancel while it runs. */
export function TransferTaskDialog({ taskId, onClose }: { taskId: string; onClose: () => void }) {
  const task = useStore((s) => taskOfKind(s.tasks[taskId], 'pull', 'push'));
  const cancelTask = useStore((s) => s.cancelTask);
  if (!task) return null;
  return (
    <Dialog
      title={task.kind === 'pull' ? 'Pull an image' : 'Push an image'}
      wide
      onClose={onClose}
      footer={<CancelOrClose running={task.status === 'running'} what={task.kind} onCancel={() => cancelTask(taskId)} onClose={onClose} />}
    >
      <p className="mono">{task.reference}</p>
      <TransferOutcome state={transferView(task, task.kind)} />
    </Dialog>
  );
}
