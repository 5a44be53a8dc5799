import { create } from 'zustand';
import { api } from '../../bridge';
import type { ApiError } from '../../../../shared/errors';
import type { ComposeAction, ComposeBinary } from '../../../../shared/api/compose';
import type { StreamParams } from '../../../../shared/api/contract';

export interface ComposeRun {
  project: string;
  action: ComposeAction;
  services: string[];
  status: 'running' | 'done' | 'failed' | 'cancelled';
  command: string;
  output: string;
  error: ApiError | null;
  durationMs?: number;
}

const MAX_OUTPUT = 100_000;

interface RunsState {
  runs: Record<string, ComposeRun>;
  cancels: Record<string, () => void>;
  binary: ComposeBinary | null;
  loadBinary: () => Promise<void>;
  /** Runs compose for a project; resolves when compose exits (true on success). */
  start: (params: StreamParams<'compose:run'>) => Promise<boolean>;
  cancel: (project: string) => void;
  dismiss: (project: string) => void;
}

/** The compose commands running or last run, one per project: their output and outcome. */
export const useComposeRuns = create<RunsState>((set, get) => {
  const patch = (project: string, change: Partial<ComposeRun>) => {
    const run = get().runs[project];
    if (run) set({ runs: { ...get().runs, [project]: { ...run, ...change } } });
  };
  return {
    runs: {},
    cancels: {},
    binary: null,
    loadBinary: async () => {
      // The first call can come before the host finished connecting: ask again a few times.
      for (let attempt = 0; attempt < 5; attempt++) {
        const r = await api.invoke('compose:binary', {});
        if (r.ok) return set({ binary: r.data });
        await new Promise((resolve) => setTimeout(resolve, 1_000 * (attempt + 1)));
      }
    },
    start: (params) =>
      new Promise<boolean>((resolve) => {
        const project = params.project;
        if (get().runs[project]?.status === 'running') return resolve(false);
        set({ runs: { ...get().runs, [project]: { project, action: params.action, services: params.services ?? [], status: 'running', command: '', output: '', error: null } } });
        const close = api.subscribe('compose:run', params, (m) => {
          if (m.kind === 'data') {
            const e = m.data;
            const run = get().runs[project];
            if (!run) return;
            if (e.kind === 'started') patch(project, { command: `${e.binary} ${e.args.join(' ')}` });
            else if (e.kind === 'output') patch(project, { output: (run.output + e.text).slice(-MAX_OUTPUT) });
            else patch(project, { durationMs: e.durationMs });
            return;
          }
          const cancels = { ...get().cancels };
          delete cancels[project];
          set({ cancels });
          if (m.kind === 'end') {
            patch(project, { status: 'done' });
            resolve(true);
          } else {
            patch(project, { status: m.error.code === 'CANCELLED' ? 'cancelled' : 'failed', error: m.error });
            resolve(false);
          }
        });
        set({ cancels: { ...get().cancels, [project]: close } });
      }),
    cancel: (project) => {
      get().cancels[project]?.();
      const cancels = { ...get().cancels };
      delete cancels[project];
      set({ cancels });
      const run = get().runs[project];
      if (run?.status === 'running') set({ runs: { ...get().runs, [project]: { ...run, status: 'cancelled' } } });
    },
    dismiss: (project) => {
      const runs = { ...get().runs };
      delete runs[project];
      set({ runs });
    },
  };
});
