import { create } from 'zustand';
import { connectEngineInfo, createEngineSlice, type EngineSlice } from './engine-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createImagesSlice, connectImages, type ImagesSlice } from './images-slice';
import { createTasksSlice, type TasksSlice } from './tasks-slice';
import { createContainersSlice, connectContainers, type ContainersSlice } from './containers-slice';
import { onEngineEvent, onEngineStatus, onNavigate, onResync, startWiring } from './wiring';

/** One store from slices; each feature adds its slice here. High-rate stats live in their own store. */
export type StoreState = EngineSlice & UiSlice & ImagesSlice & TasksSlice & ContainersSlice;

export const useStore = create<StoreState>()((...a) => ({
  ...createEngineSlice(...a),
  ...createUiSlice(...a),
  ...createImagesSlice(...a),
  ...createTasksSlice(...a),
  ...createContainersSlice(...a),
}));

/** Connects the store to the bridge once, at start-up. */
export function connectStore(): void {
  onEngineStatus((status) => useStore.getState().setStatus(status));
  // Back/forward and edited addresses (`#/images`, `#/containers/<id>`) switch the view and detail too.
  globalThis.window?.addEventListener('popstate', () => useStore.getState().followAddress());
  globalThis.window?.addEventListener('hashchange', () => useStore.getState().followAddress());
  void useStore.getState().loadHostCaps();
  onNavigate(({ view, focusId }) => useStore.getState().navigate(view, focusId ?? null));
  connectEngineInfo(useStore.setState);
  connectImages(useStore.setState);
  connectContainers(useStore.getState, { resync: onResync, event: onEngineEvent });
  startWiring();
}
