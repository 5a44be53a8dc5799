import type { StateCreator } from 'zustand';
import { api } from '../bridge';
import type { EngineInfo, EngineStatus } from '../../../shared/dto';
import type { ApiError } from '../../../shared/errors';
import type { StoreState } from './index';

export interface EngineSlice {
  status: EngineStatus;
  info: EngineInfo | null;
  infoError: ApiError | null;
  setStatus: (status: EngineStatus) => void;
  refreshInfo: () => Promise<void>;
}

export const createEngineSlice: StateCreator<StoreState, [], [], EngineSlice> = (set, get) => ({
  status: { state: 'connecting', endpoint: '', source: '' },
  info: null,
  infoError: null,
  setStatus: (status) => {
    set({ status });
    if (status.state !== 'connected') set({ info: null });
  },
  refreshInfo: async () => {
    if (get().status.state !== 'connected') return;
    const r = await api.invoke('engine:info', {});
    if (r.ok) set({ info: r.data, infoError: null });
    else set({ infoError: r.error });
  },
});
