import { create } from 'zustand';
import type { OrchestratorPrefill } from '../../../../shared/orchestrator-prefill';

/** What the Deploy view (or an image / container) hands to the Swarm and Kubernetes forms. */
export interface OrchestratorSeed extends OrchestratorPrefill {
  image: string;
}

interface PrefillState {
  seed: OrchestratorSeed | null;
  setSeed: (seed: OrchestratorSeed | null) => void;
}

export const usePrefill = create<PrefillState>((set) => ({
  seed: null,
  setSeed: (seed) => set({ seed }),
}));
