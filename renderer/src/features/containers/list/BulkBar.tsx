import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../../store';
import { bulkActions } from './bulk-actions';

/** Actions on the selected containers, only those that apply to some of them; each row shows its own progress. */
export function BulkBar({ onRemove }: { onRemove: (ids: string[]) => void }) {
  const selected = useStore(useShallow((s) => Object.keys(s.selectedContainers)));
  // Subscribed to the selected containers' states (not read here): the offer follows the engine as they change.
  useStore((s) => selected.map((id) => s.containers[id]?.state ?? '').join(' '));
  const busy = useStore((s) => Object.keys(s.containerBusy).length);
  const run = useStore((s) => s.runContainerAction);
  const clear = useStore((s) => s.clearContainerSelection);
  if (selected.length === 0) return null;
  const offers = bulkActions(selected, useStore.getState().containers);
  const all = selected.length;
  return (
    <div className="bulk-bar" role="toolbar" aria-label="Selected containers">
      <strong>{all} selected</strong>
      {offers.map((b) => (
        <button
          key={b.action}
          type="button"
          className="btn btn-small"
          title={b.ids.length < all ? `${b.label} the ${b.ids.length} of ${all} selected that can ${b.action}` : `${b.label} all ${all} selected`}
          onClick={() => void run(b.ids, b.action)}
        >
          {b.label} {b.ids.length}
        </button>
      ))}
      <button type="button" className="btn btn-small btn-danger" onClick={() => onRemove(selected)}>
        Remove {all}…
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
