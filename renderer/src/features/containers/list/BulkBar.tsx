import type { ContainerAction } from '../../../../../shared/api/containers';
import { useStore } from '../../../store';
import { actionsFor } from './ContainerActions';

const BULK: { action: ContainerAction; label: string }[] = [
  { action: 'start', label: 'Start' },
  { action: 'stop', label: 'Stop' },
  { action: 'restart', label: 'Restart' },
  { action: 'pause', label: 'Pause' },
  { action: 'unpause', label: 'Unpause' },
  { action: 'kill', label: 'Kill' },
];

/** Actions on every selected container at once; each row shows its own progress. */
export function BulkBar({ onRemove }: { onRemove: (ids: string[]) => void }) {
  const count = useStore((s) => Object.keys(s.selectedContainers).length);
  const busy = useStore((s) => Object.keys(s.containerBusy).length);
  const run = useStore((s) => s.runContainerAction);
  const clear = useStore((s) => s.clearContainerSelection);
  if (count === 0) return null;
  const ids = () => Object.keys(useStore.getState().selectedContainers);
  /** Only the selected containers the action applies to (stopping a stopped one is not an error worth a toast). */
  const applicable = (action: ContainerAction) => {
    const { containers } = useStore.getState();
    return ids().filter((id) => containers[id] && actionsFor(containers[id].state).some((a) => a.action === action));
  };
  const act = (action: ContainerAction) => {
    const targets = applicable(action);
    if (targets.length > 0) void run(targets, action);
    else useStore.getState().toast({ tone: 'info', title: `Nothing to ${action}`, body: `None of the selected containers can ${action} in its current state.` });
  };
  return (
    <div className="bulk-bar" role="toolbar" aria-label="Selected containers">
      <strong>{count} selected</strong>
      {BULK.map((b) => (
        <button key={b.action} type="button" className="btn btn-small" onClick={() => act(b.action)}>
          {b.label}
        </button>
      ))}
      <button type="button" className="btn btn-small btn-danger" onClick={() => onRemove(ids())}>
        Remove…
      </button>
      {busy > 0 && <span className="muted small">Working on {busy}…</span>}
      <span className="spacer" />
      <button type="button" className="btn btn-small btn-ghost" onClick={clear}>
        Clear selection
      </button>
      <span className="muted small">Delete key removes the selection</span>
    </div>
  );
}
