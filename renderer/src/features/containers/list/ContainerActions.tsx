import type { ContainerSummary } from '../../../../../shared/dto';
import { useStore } from '../../../store';
import { ActionIcon } from './icons';
import { actionsFor } from './container-states';

export function ContainerActions({ container, onRemove, withLabels }: { container: ContainerSummary; onRemove: (ids: string[]) => void; withLabels?: boolean }) {
  const busy = useStore((s) => s.containerBusy[container.id]);
  const run = useStore((s) => s.runContainerAction);
  const navigate = useStore((s) => s.navigate);
  const name = container.name;
  return (
    <div className="row-actions">
      {!withLabels && container.state === 'running' && (
        <button
          type="button"
          className="btn btn-small btn-icon"
          aria-label={`Open terminal in ${name}`}
          title={`Open terminal in ${name}`}
          onClick={(e) => {
            e.stopPropagation();
            navigate('containers', `${container.id}/terminal`);
          }}
        >
          <span aria-hidden className="term-icon">&gt;_</span>
        </button>
      )}
      {actionsFor(container.state).map((a) => (
        <button
          key={a.action}
          type="button"
          className={`btn btn-small${withLabels ? '' : ' btn-icon'}${a.danger ? ' btn-danger' : ''}`}
          aria-label={`${a.label} ${name}`}
          title={`${a.label} ${name}`}
          // Kill stays offered while a stop or restart waits for the container to exit.
          disabled={Boolean(busy) && !(a.action === 'kill' && (busy === 'stop' || busy === 'restart'))}
          onClick={(e) => {
            e.stopPropagation();
            void run([container.id], a.action);
          }}
        >
          <ActionIcon action={a.action} />
          {withLabels && ` ${a.label}`}
        </button>
      ))}
      <button
        type="button"
        className={`btn btn-small btn-danger${withLabels ? '' : ' btn-icon'}`}
        aria-label={`Remove ${name}`}
        title={`Remove ${name}`}
        disabled={Boolean(busy)}
        onClick={(e) => {
          e.stopPropagation();
          onRemove([container.id]);
        }}
      >
        <ActionIcon action="remove" />
        {withLabels && ' Remove'}
      </button>
    </div>
  );
}
