import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from '../../store';
import { onEngineEvent, onResync } from '../../store/wiring';
import type { ApiError, Result } from '../../../../shared/errors';

/**
 * A list fetched from main and refreshed when the engine pushes an event about one of `types`
 * (coalesced to one fetch per 150 ms) or after a reconnect. No polling.
 */
export function useLiveList<T>(load: () => Promise<Result<T[]>>, types: string[]) {
  const connected = useStore((s) => s.status.state === 'connected');
  const [items, setItems] = useState<T[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const typesKey = types.join(',');

  const refresh = useCallback(async () => {
    const r = await loadRef.current();
    if (r.ok) {
      setItems(r.data);
      setError(null);
    } else setError(r.error);
    setLoaded(true);
  }, []);

  useEffect(() => {
    if (connected) void refresh();
  }, [connected, refresh]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const soon = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void refresh();
      }, 150);
    };
    const wanted = new Set(typesKey.split(','));
    const offEvent = onEngineEvent((e) => {
      if (wanted.has(e.type)) soon();
    });
    const offResync = onResync(soon);
    return () => {
      offEvent();
      offResync();
      if (timer) clearTimeout(timer);
    };
  }, [refresh, typesKey]);

  return { items, loaded, error, refresh, connected };
}
