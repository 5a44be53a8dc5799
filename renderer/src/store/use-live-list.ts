import { useSyncExternalStore } from 'react';
import { useStore } from './index';
import type { LiveList, LiveListState } from './live-list';

/** A view's hook: the list's state, live while the view is mounted, and whether the engine is there to ask. */
export function useLiveList<T>(list: LiveList<T>): LiveListState<T> & { connected: boolean } {
  const state = useSyncExternalStore(list.subscribe, list.current);
  const connected = useStore((s) => s.status.state === 'connected');
  return { ...state, connected };
}
