/**
 * High-rate container stats live in their own small store, so a sample a second per open chart never
 * re-runs the main store's selectors.
 */
import { create } from 'zustand';
import type { StatsSample } from '../../../shared/api/containers';

/** Samples kept per container: two minutes at the engine's one-a-second pace. */
export const STATS_HISTORY = 120;

interface StatsState {
  samples: Record<string, StatsSample[]>;
  push: (id: string, sample: StatsSample) => void;
  clear: (id: string) => void;
}

export const useStatsStore = create<StatsState>()((set, get) => ({
  samples: {},
  push: (id, sample) => {
    const history = get().samples[id] ?? [];
    const next = history.length >= STATS_HISTORY ? [...history.slice(history.length - STATS_HISTORY + 1), sample] : [...history, sample];
    set({ samples: { ...get().samples, [id]: next } });
  },
  clear: (id) => {
    const { [id]: _dropped, ...rest } = get().samples;
    set({ samples: rest });
  },
}));

const EMPTY: StatsSample[] = [];
export const useStatsHistory = (id: string): StatsSample[] => useStatsStore((s) => s.samples[id] ?? EMPTY);
