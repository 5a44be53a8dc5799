import { useEffect, useState } from 'react';
import { api } from '../../../bridge';
import { useStatsStore } from '../../../store/stats-store';
import type { ApiError } from '../../../../../shared/errors';
import { usePageVisible } from '../use-page-visible';

/** Streams one container's stats into the stats store while the view is open, the window shows and the container runs. */
export function useStatsStream(id: string, running: boolean): { error: ApiError | null } {
  const visible = usePageVisible();
  const [failure, setFailure] = useState<{ id: string; error: ApiError } | null>(null);
  useEffect(() => {
    if (!visible || !running) return;
    const push = useStatsStore.getState().push;
    return api.subscribe('containers:stats', { id }, (message) => {
      if (message.kind === 'data') push(id, message.data);
      else if (message.kind === 'error') setFailure({ id, error: message.error });
    });
  }, [id, visible, running]);
  useEffect(() => () => useStatsStore.getState().clear(id), [id]);
  return { error: failure?.id === id && running ? failure.error : null };
}
