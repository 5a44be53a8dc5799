import { useCallback, useEffect, useState } from 'react';
import { api } from '../../bridge';
import type { LiveList } from '../../store/live-list';
import { useLiveList } from '../../store/use-live-list';
import { swarmNodesList, swarmServicesList } from '../../store/lists';
import type { SwarmStatus, SwarmTask } from '../../../../shared/api/swarm';

/** A live list in the shape the Swarm panel reads. */
function useItems<T>(list: LiveList<T[]>) {
  const { data, loaded, error } = useLiveList(list);
  return { items: data, loaded, error, refresh: () => list.refresh() };
}

/** Services and nodes, live from the engine's service, node and container events (a task's container start/die). */
export function useSwarm() {
  const [status, setStatus] = useState<SwarmStatus | null>(null);
  const refreshStatus = useCallback(async () => {
    const r = await api.invoke('swarm:status', {});
    if (r.ok) setStatus(r.data);
  }, []);
  useEffect(() => {
    let live = true;
    void api.invoke('swarm:status', {}).then((r) => live && r.ok && setStatus(r.data));
    return () => {
      live = false;
    };
  }, []);
  const services = useItems(swarmServicesList);
  const nodes = useItems(swarmNodesList);
  return { status, refreshStatus, services, nodes };
}

const TASK_REFRESH_MS = 2_000;

/** One service's tasks while its detail is open. The engine sends no task events, so this polls, and stops when closed. */
export function useTasks(service: string | null) {
  const [tasks, setTasks] = useState<SwarmTask[]>([]);
  useEffect(() => {
    if (!service) return;
    let live = true;
    const load = async () => {
      const r = await api.invoke('swarm:tasks', { service });
      if (live && r.ok) setTasks(r.data);
    };
    void load();
    const timer = setInterval(() => void load(), TASK_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [service]);
  return tasks;
}
