import type { StateCreator } from 'zustand';
import { api } from '../bridge';
import type { ContainerSummary, EngineEvent } from '../../../shared/dto';
import type { ApiError } from '../../../shared/errors';
import type { ActionOutcome, ContainerAction } from '../../../shared/api/containers';
import { describeContainerFailure } from '../lib/container-error-text';
import { byId, Coalescer, effectOf, mergePartial, patchState, reconcile } from './container-events';
import type { StoreState } from './index';

export type ContainerBusy = ContainerAction | 'remove';
export type ContainerFilter = 'running' | 'all';

export interface ContainersSlice {
  containers: Record<string, ContainerSummary>;
  containersLoaded: boolean;
  containersError: ApiError | null;
  /** The action running on each container right now, for progress on its row. */
  containerBusy: Record<string, ContainerBusy>;
  /** When the engine kills each container being stopped or restarted (ms since the epoch): its stop timeout runs out. */
  containerKillAt: Record<string, number>;
  selectedContainers: Record<string, true>;
  containerFilter: ContainerFilter;
  containerSearch: string;
  groupByProject: boolean;
  loadContainers: () => Promise<void>;
  applyContainerEvent: (event: EngineEvent) => void;
  runContainerAction: (ids: string[], action: ContainerAction) => Promise<ActionOutcome[]>;
  removeContainers: (ids: string[], force: boolean) => Promise<ActionOutcome[]>;
  setContainerFilter: (filter: ContainerFilter) => void;
  setContainerSearch: (search: string) => void;
  setGroupByProject: (on: boolean) => void;
  toggleContainerSelected: (id: string) => void;
  setContainersSelected: (ids: string[], selected: boolean) => void;
  clearContainerSelection: () => void;
}

const withoutKeys = <T>(record: Record<string, T>, keys: string[]): Record<string, T> => {
  if (!keys.some((k) => k in record)) return record;
  const next = { ...record };
  for (const k of keys) delete next[k];
  return next;
};

/** How long an outside stop stays shown past its kill time when no exit is reported. */
const OUTSIDE_STOP_FORGET_MS = 5_000;
const ENDS_A_STOP = new Set(['die', 'stop', 'destroy', 'start']);

/** `docker stop` (and a restart's first half) sends the container's stop signal, SIGTERM unless the image says otherwise. */
const isStopSignal = (event: EngineEvent): boolean =>
  event.type === 'container' && event.action === 'kill' && ['15', 'SIGTERM', 'TERM'].includes(event.attributes.signal ?? '');

export const createContainersSlice: StateCreator<StoreState, [], [], ContainersSlice> = (set, get) => {
  /** The state the latest event implies, per container, until a re-list agrees; and ids the engine destroyed. */
  const expected = new Map<string, string>();
  const destroyed = new Set<string>();
  const retries = new Map<string, number>();
  const refetch = async (ids: string[] | 'all') => {
    const r = await api.invoke('containers:list', ids === 'all' ? { all: true } : { all: true, ids });
    if (!r.ok) {
      set({ containersError: r.error });
      return;
    }
    const merged = ids === 'all' ? byId(r.data) : mergePartial(get().containers, ids, r.data);
    const { containers, stale } = reconcile(merged, expected, destroyed);
    for (const id of stale) {
      const n = (retries.get(id) ?? 0) + 1;
      retries.set(id, n);
      // The snapshot lags by milliseconds; after a few tries the engine's list is taken as the truth.
      if (n <= 5) coalescer.add(id);
      else {
        expected.delete(id);
        retries.delete(id);
      }
    }
    const gone = Object.keys(get().selectedContainers).filter((id) => !containers[id]);
    set({ containers, containersLoaded: true, containersError: null, selectedContainers: withoutKeys(get().selectedContainers, gone) });
  };
  const coalescer = new Coalescer(refetch);

  /** Stops someone else began (`docker stop` in a terminal): shown like Porthole's own until the container exits. */
  const outsideStops = new Map<string, ReturnType<typeof setTimeout>>();
  const endOutsideStop = (id: string) => {
    const timer = outsideStops.get(id);
    if (!timer) return;
    clearTimeout(timer);
    outsideStops.delete(id);
    set({ containerBusy: withoutKeys(get().containerBusy, [id]), containerKillAt: withoutKeys(get().containerKillAt, [id]) });
  };
  const beginOutsideStop = (event: EngineEvent) => {
    const id = event.id;
    if (!id || get().containerBusy[id] || get().containers[id]?.state !== 'running') return;
    // The engine kills at its timeout; a signal that was no stop (a reload) is forgotten a little after it.
    outsideStops.set(id, setTimeout(() => endOutsideStop(id), OUTSIDE_STOP_FORGET_MS));
    set({ containerBusy: { ...get().containerBusy, [id]: 'stop' } });
    void api.invoke('containers:stop-timeouts', { ids: [id] }).then((r) => {
      const timeout = r.ok ? r.data.find((t) => t.id === id) : undefined;
      if (!timeout || !outsideStops.has(id)) return;
      clearTimeout(outsideStops.get(id));
      outsideStops.set(id, setTimeout(() => endOutsideStop(id), timeout.seconds * 1000 + OUTSIDE_STOP_FORGET_MS));
      set({ containerKillAt: { ...get().containerKillAt, [id]: (event.timeMs || Date.now()) + timeout.seconds * 1000 } });
    });
  };

  const settle = async (ids: string[], busy: ContainerBusy, call: () => Promise<{ ok: true; data: ActionOutcome[] } | { ok: false; error: ApiError }>) => {
    set({ containerBusy: { ...get().containerBusy, ...Object.fromEntries(ids.map((id) => [id, busy])) } });
    const r = await call().finally(() => set({ containerBusy: withoutKeys(get().containerBusy, ids) }));
    const outcomes: ActionOutcome[] = r.ok ? r.data : ids.map((id) => ({ id, ok: false, error: r.error }));
    const failed = outcomes.filter((o) => !o.ok);
    const nameOf = (id: string) => get().containers[id]?.name ?? id.slice(0, 12);
    const errorOf = (o: ActionOutcome) => o.error ?? { code: 'INTERNAL', message: 'Unknown error' };
    if (failed.length > 3) {
      const first = describeContainerFailure(busy, nameOf(failed[0].id), errorOf(failed[0]));
      get().toast({ tone: 'error', title: `${failed.length} of ${ids.length} containers failed`, body: `${first.title}: ${first.body}` });
    } else for (const o of failed) get().toast({ tone: 'error', ...describeContainerFailure(busy, nameOf(o.id), errorOf(o)) });
    // The engine's events update the rows; a failure (e.g. the container is gone) gets an explicit re-list.
    if (failed.length > 0) for (const o of failed) coalescer.add(o.id);
    return outcomes;
  };

  return {
    containers: {},
    containersLoaded: false,
    containersError: null,
    containerBusy: {},
    containerKillAt: {},
    selectedContainers: {},
    containerFilter: 'all',
    containerSearch: '',
    groupByProject: true,
    loadContainers: () => refetch('all'),
    applyContainerEvent: (event) => {
      if (event.id && outsideStops.has(event.id) && ENDS_A_STOP.has(event.action)) endOutsideStop(event.id);
      if (isStopSignal(event)) beginOutsideStop(event);
      const effect = effectOf(event);
      if (effect.kind === 'ignore') return;
      if (effect.kind === 'removed') {
        destroyed.add(effect.id);
        expected.delete(effect.id);
        if (destroyed.size > 10_000) destroyed.delete(destroyed.values().next().value as string);
        set({
          containers: withoutKeys(get().containers, [effect.id]),
          selectedContainers: withoutKeys(get().selectedContainers, [effect.id]),
        });
        return;
      }
      if (effect.state) {
        expected.set(effect.id, effect.state);
        retries.delete(effect.id);
      }
      const patched = patchState(get().containers, effect.id, effect.state);
      if (patched !== get().containers) set({ containers: patched });
      coalescer.add(effect.id);
    },
    runContainerAction: async (ids, action) => {
      if (action !== 'stop' && action !== 'restart') return settle(ids, action, () => api.invoke('containers:action', { ids, action }));
      const sentMs = Date.now();
      // The countdown is a courtesy: the action does not wait for it, and a failed look-up only loses the "killed in".
      void api.invoke('containers:stop-timeouts', { ids }).then((r) => {
        if (!r.ok) return;
        const busy = get().containerBusy;
        const still = r.data.filter((t) => busy[t.id] === action);
        if (still.length > 0) set({ containerKillAt: { ...get().containerKillAt, ...Object.fromEntries(still.map((t) => [t.id, sentMs + t.seconds * 1000])) } });
      });
      const outcomes = await settle(ids, action, () => api.invoke('containers:action', { ids, action }));
      set({ containerKillAt: withoutKeys(get().containerKillAt, ids) });
      return outcomes;
    },
    removeContainers: async (ids, force) => {
      const outcomes = await settle(ids, 'remove', () => api.invoke('containers:remove', { ids, force }));
      const removed = outcomes.filter((o) => o.ok).map((o) => o.id);
      set({ containers: withoutKeys(get().containers, removed), selectedContainers: withoutKeys(get().selectedContainers, removed) });
      return outcomes;
    },
    setContainerFilter: (containerFilter) => set({ containerFilter }),
    setContainerSearch: (containerSearch) => set({ containerSearch }),
    setGroupByProject: (groupByProject) => set({ groupByProject }),
    toggleContainerSelected: (id) => {
      const selected = get().selectedContainers;
      set({ selectedContainers: selected[id] ? withoutKeys(selected, [id]) : { ...selected, [id]: true } });
    },
    setContainersSelected: (ids, selected) => {
      const current = get().selectedContainers;
      set({ selectedContainers: selected ? { ...current, ...Object.fromEntries(ids.map((id) => [id, true as const])) } : withoutKeys(current, ids) });
    },
    clearContainerSelection: () => set({ selectedContainers: {} }),
  };
};

/** The rows the list shows: filtered, searched, ordered by compose project (when grouping) then newest first. */
export function selectVisibleContainers(s: Pick<StoreState, 'containers' | 'containerFilter' | 'containerSearch' | 'groupByProject'>): ContainerSummary[] {
  const needle = s.containerSearch.trim().toLowerCase();
  const rows = Object.values(s.containers).filter((c) => {
    if (s.containerFilter === 'running' && c.state !== 'running' && c.state !== 'paused' && c.state !== 'restarting') return false;
    if (!needle) return true;
    return (
      c.name.toLowerCase().includes(needle) ||
      c.image.toLowerCase().includes(needle) ||
      c.id.startsWith(needle) ||
      (c.composeProject ?? '').toLowerCase().includes(needle)
    );
  });
  return rows.sort((a, b) => {
    if (s.groupByProject) {
      const pa = a.composeProject ?? '\uffff';
      const pb = b.composeProject ?? '\uffff';
      if (pa !== pb) return pa < pb ? -1 : 1;
    }
    return b.createdMs - a.createdMs || a.name.localeCompare(b.name);
  });
}

/** Wires the slice to the engine: every container event patches the list, every (re)connect re-lists it. */
export function connectContainers(getState: () => StoreState, on: { resync: (fn: () => unknown) => () => void; event: (fn: (e: EngineEvent) => void) => () => void }): void {
  on.resync(() => getState().loadContainers());
  on.event((event) => getState().applyContainerEvent(event));
}
