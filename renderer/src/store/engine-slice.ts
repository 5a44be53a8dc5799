import type { StateCreator } from 'zustand';
import { api } from '../bridge';
import type { EngineInfo, EngineStatus } from '../../../shared/dto';
import type { ApiError } from '../../../shared/errors';
import type { HostCapabilities } from '../../../shared/api/host';
import type { StoreState } from './index';
import { engineInfoLive } from './lists';

export interface EngineSlice {
  status: EngineStatus;
  info: EngineInfo | null;
  infoError: ApiError | null;
  /** What the host offers (native folder picker, opening the user's browser), asked once at start-up. */
  hostCaps: HostCapabilities;
  loadHostCaps: () => Promise<void>;
  setStatus: (status: EngineStatus) => void;
  refreshInfo: () => Promise<void>;
}

export const createEngineSlice: StateCreator<StoreState, [], [], EngineSlice> = (set) => ({
  status: { state: 'connecting', endpoint: '', source: '' },
  info: null,
  infoError: null,
  hostCaps: { folderPicker: false, openExternal: false },
  loadHostCaps: async () => {
    const r = await api.invoke('host:capabilities', {});
    if (r.ok) set({ hostCaps: r.data });
  },
  setStatus: (status) => {
    set({ status });
    if (status.state !== 'connected') set({ info: null });
  },
  refreshInfo: () => engineInfoLive.refresh(),
});

/** Keeps `info` live for the app's lifetime; a failed ask keeps the last facts (a disconnect clears them, in setStatus). */
export function connectEngineInfo(setState: (patch: Partial<StoreState>) => void): void {
  engineInfoLive.subscribe(({ data, error }) => setState(error ? { infoError: error } : { info: data, infoError: null }));
}
