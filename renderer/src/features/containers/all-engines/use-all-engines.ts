import { useCallback, useEffect, useRef, useState } from 'react';
import type { AllEnginesContainers, EngineContainer, EngineListing } from '../../../../../shared/api/engine-containers';
import type { ApiError, Result } from '../../../../../shared/errors';
import { api } from '../../../bridge';
import { useStore } from '../../../store';

/** Container events within this window re-list their engine once (a `compose up` sends dozens). */
const RELIST_AFTER_MS = 150;

/** A row's key: ids are unique per engine only. */
export const rowKey = (c: Pick<EngineContainer, 'engineId' | 'id'>): string => `${c.engineId}\n${c.id}`;

function merge(prev: AllEnginesContainers | null, next: AllEnginesContainers, engineIds?: string[]): AllEnginesContainers {
  if (!prev || !engineIds) return next;
  const renewed = new Set(engineIds);
  const engines = prev.engines.map((e) => next.engines.find((n) => n.id === e.id) ?? e);
  const containers = prev.containers.filter((c) => !renewed.has(c.engineId)).concat(next.containers);
  return { engines, containers };
}

/**
 * The side-by-side list: every engine's containers, kept live by each engine's own events (the main side
 * opens them only while this hook is mounted). An event re-lists just its engine; a lost engine is shown
 * unreachable until the next full list (Refresh, or the connection settling again).
 */
export function useAllEngines() {
  const [data, setData] = useState<AllEnginesContainers | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const pending = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const status = useStore((s) => s.status);
  // A switch closes every stream: watch again (and list again) once the connection has an answer.
  const settled = status.state === 'connecting' ? null : `${status.state} ${status.endpoint}`;

  const apply = useCallback((r: Result<AllEnginesContainers>, engineIds?: string[]) => {
    if (r.ok) {
      setError(null);
      setData((prev) => merge(prev, r.data, engineIds));
    } else setError(r.error);
  }, []);
  const load = useCallback((engineIds?: string[]) => api.invoke('containers:all-engines', engineIds ? { engineIds } : {}).then((r) => apply(r, engineIds)), [apply]);

  useEffect(() => {
    if (settled === null) return;
    void api.invoke('containers:all-engines', {}).then((r) => apply(r));
    const relistSoon = (engineId: string) => {
      pending.current.add(engineId);
      if (timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        const ids = [...pending.current];
        pending.current.clear();
        void load(ids);
      }, RELIST_AFTER_MS);
    };
    const close = api.subscribe('containers:all-engines-events', {}, (message) => {
      if (message.kind !== 'data') return;
      const m = message.data;
      if (m.kind === 'event' && m.event.type === 'container') relistSoon(m.engineId);
      else if (m.kind === 'lost') setData((prev) => prev && markLost(prev, m.engineId, m.reason, m.code));
    });
    return () => {
      close();
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [settled, load, apply]);

  return { data, error, reload: () => load(), reloadEngine: (engineId: string) => load([engineId]) };
}

function markLost(data: AllEnginesContainers, engineId: string, reason: string, code: string): AllEnginesContainers {
  const engines = data.engines.map((e): EngineListing => (e.id === engineId ? { id: e.id, name: e.name, current: e.current, state: 'unreachable', reason, code } : e));
  return { engines, containers: data.containers.filter((c) => c.engineId !== engineId) };
}
