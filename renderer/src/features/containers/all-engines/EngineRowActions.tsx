import type { ContainerAction } from '../../../../../shared/api/containers';
import type { EngineContainer } from '../../../../../shared/api/engine-containers';
import { ActionIcon } from '../list/icons';
import { actionsFor } from '../list/container-states';

/** A side-by-side row's buttons: what its state allows, and Remove (which asks first). */
export function EngineRowActions({ container, busy, onAct, onRemove }: { container: EngineContainer; busy: boolean; onAct: (action: ContainerAction) => void; onRemove: () => void }) {
  const where = `${container.name} on ${container.engineName}`;
  return (
    <div className="row-actions">
      {actionsFor(container.state).map((a) => (
        <button
          key={a.action}
          type="button"
          className={`btn btn-small btn-icon${a.danger ? ' btn-danger' : ''}`}
          aria-label={`${a.label} ${where}`}
          title={`${a.label} ${where}`}
          disabled={busy}
          onClick={() => onAct(a.action)}
        >
          <ActionIcon action={a.action} />
        </button>
      ))}
      <button type="button" className="btn btn-small btn-icon btn-danger" aria-label={`Remove ${where}`} title={`Remove ${where}`} disabled={busy} onClick={onRemove}>
        <ActionIcon action="remove" />
      </button>
    </div>
  );
}
