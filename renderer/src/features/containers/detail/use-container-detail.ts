import { useEffect, useState } from 'react';
import { api } from '../../../bridge';
import { onEngineEvent, onResync } from '../../../store/wiring';
import { effectOf } from '../../../store/container-events';
import type { ContainerDetail } from '../../../../../shared/dto';
import type { ApiError } from '../../../../../shared/errors';

/** Inspects one container, and again (once per burst) whenever the engine reports a change to it. */
export function useContainerDetail(id: string): { detail: ContainerDetail | null; error: ApiError | null; removed: boolean } {
  const [detail, setDetail] = useState<ContainerDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [removed, setRemoved] = useState(false);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = () => {
      timer = null;
      void api.invoke('containers:inspect', { id }).then((r) => {
        if (!live) return;
        if (r.ok) {
          setDetail(r.data);
          setError(null);
          setRemoved(false);
        } else if (r.error.code === 'NOT_FOUND') setRemoved(true);
        else setError(r.error);
      });
    };
    const soon = () => {
      timer ??= setTimeout(load, 50);
    };
    load();
    const offEvent = onEngineEvent((event) => {
      const effect = effectOf(event);
      if (effect.kind === 'ignore' || (effect.id !== id && !id.startsWith(effect.id) && !effect.id.startsWith(id))) return;
      if (effect.kind === 'removed') setRemoved(true);
      else soon();
    });
    const offResync = onResync(soon);
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
      offEvent();
      offResync();
    };
  }, [id]);

  return { detail, error, removed };
}
