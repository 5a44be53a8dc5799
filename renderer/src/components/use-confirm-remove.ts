import { useState } from 'react';
import type { ApiError, Result } from '../../../shared/errors';

/**
 * The confirm-remove flow behind a ConfirmDialog: which item is being asked about, the removal in
 * flight, and its error (shown in the dialog, which stays open so the user can read it).
 */
export function useConfirmRemove<T>(remove: (item: T) => Promise<Result<unknown>>, onRemoved?: (item: T) => void) {
  const [target, setTarget] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  return {
    target,
    busy,
    error,
    ask: (item: T) => {
      setError(null);
      setTarget(item);
    },
    cancel: () => setTarget(null),
    confirm: async () => {
      if (!target) return;
      setBusy(true);
      const r = await remove(target);
      setBusy(false);
      if (!r.ok) return setError(r.error);
      onRemoved?.(target);
      setTarget(null);
    },
  };
}
