import type { Task } from '../../store/tasks-slice';
import { progressFraction, progressText } from '../../store/build-progress';
import { transferFraction, transferText } from '../../store/transfer-progress';
import { deployFraction, deployText } from '../../store/deploy-progress';
import { engineStartText } from '../../store/engine-start-progress';

/** One line of the tasks indicator: how far the task is (0..1) and what it is doing, for any kind. */
export function taskSummary(task: Task): { text: string; fraction: number } {
  switch (task.kind) {
    case 'build':
      return { text: task.status === 'failed' ? 'Build failed' : progressText(task), fraction: progressFraction(task) };
    case 'pull':
    case 'push':
      return { text: transferText(task), fraction: transferFraction(task) };
    case 'deploy':
      return { text: deployText(task), fraction: deployFraction(task) };
    case 'engine-start':
      return { text: engineStartText(task), fraction: task.status === 'done' ? 1 : 0 };
  }
}

