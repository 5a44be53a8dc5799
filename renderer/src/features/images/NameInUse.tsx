import { errorDetail, type ApiError } from '../../../../shared/errors';

/** The taken name a run failed on, when the engine said that is why (see main/containers/name-conflict.ts). */
export function nameInUse(error: ApiError | null): { name: string; id: string; suggestion: string | null } | null {
  const d = errorDetail(error, 'CONFLICT');
  const holder = d?.reason === 'name-in-use' ? d.usedBy?.[0] : undefined;
  return holder ? { name: holder.name, id: holder.id, suggestion: d?.suggestion ?? null } : null;
}

/** "A container named X already exists" with the two ways on: open that one, or run this one under another name. */
export function NameInUse({ conflict, onOpen, onRename }: { conflict: NonNullable<ReturnType<typeof nameInUse>>; onOpen: () => void; onRename: (name: string) => void }) {
  return (
    <div className="error-box" role="alert" data-testid="run-name-in-use">
      <strong>A container named “{conflict.name}” already exists</strong>
      <p>Open that container, or run this one under another name (change it above).</p>
      <div className="button-row">
        <button type="button" className="btn btn-small" onClick={onOpen}>
          Open {conflict.name}
        </button>
        {conflict.suggestion && (
          <button type="button" className="btn btn-small btn-primary" onClick={() => onRename(conflict.suggestion!)}>
            Use the name {conflict.suggestion}
          </button>
        )}
      </div>
    </div>
  );
}
