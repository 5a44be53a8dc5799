import { useState } from 'react';
import { useStore } from '../../store';
import { taskOfKind } from '../../store/tasks-slice';
import type { EngineCandidate } from '../../../../shared/api/engine-setup';

/** The id of an engine start still running, so coming back to the setup shows it instead of a fresh list. */
const runningStart = (): string | null => {
  const { tasks, taskOrder } = useStore.getState();
  return [...taskOrder].reverse().find((id) => tasks[id]?.kind === 'engine-start' && tasks[id]?.status === 'running') ?? null;
};

/** Starts one installed engine as a task (`engine-setup:start`); leaving the view keeps it going, Cancel stops it. */
export function useEngineStart() {
  const [taskId, setTaskId] = useState(runningStart);
  const task = useStore((s) => taskOfKind(taskId ? s.tasks[taskId] : undefined, 'engine-start'));
  const startEngine = useStore((s) => s.startEngine);
  const cancelTask = useStore((s) => s.cancelTask);
  return {
    task,
    start: (candidate: EngineCandidate) => setTaskId(startEngine(candidate.id, `Start ${candidate.name}`)),
    cancel: () => taskId && cancelTask(taskId),
  };
}
