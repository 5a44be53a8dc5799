import { create } from 'zustand';
import { api } from '../../bridge';
import type { ApiError } from '../../../../shared/errors';
import { DEPLOY_STAGES, type DeployStage } from '../../../../shared/deploy-stages';
import type { DeployEvent, DeployPlan, DeployResult, PlanOverrides } from '../../../../shared/api/deploy';
import type { TransferProgress } from '../../../../shared/api/registry';
import type { ComposeDeployPlan, ComposeDeployResult } from '../../../../shared/api/deploy-compose';

export interface StageState {
  state: 'waiting' | 'running' | 'done' | 'failed' | 'skipped';
  startedMs?: number;
  elapsedMs?: number;
  message?: string;
}

const MIRROR_KEY = 'porthole.deploy.registryMirror';
const MAX_OUTPUT_LINES = 400;

/** The host port typed in the plan, or null when the field is empty or not a port. */
export function hostPortNumber(text: string): number | null {
  const n = Number(text);
  return text !== '' && Number.isInteger(n) && n >= 1 && n <= 65535 ? n : null;
}

const freshStages = (): Record<DeployStage, StageState> => Object.fromEntries(DEPLOY_STAGES.map((s) => [s, { state: 'waiting' }])) as Record<DeployStage, StageState>;

interface DeployState {
  folder: string;
  mirror: string;
  plan: DeployPlan | ComposeDeployPlan | null;
  /** Compose plans: the service whose published port the deploy waits for (null: none). */
  entryService: string | null;
  composeResult: ComposeDeployResult | null;
  planning: boolean;
  planError: ApiError | null;
  dockerfile: string;
  dockerfileEdited: boolean;
  envValues: Record<string, string>;
  /** The host port the user asked for ('' = the app's port if free, else the next free one). */
  hostPort: string;
  running: boolean;
  stages: Record<DeployStage, StageState>;
  output: string[];
  /** The latest snapshot of each base image pulled before the build, in the order they started. */
  pulls: TransferProgress[];
  result: DeployResult | null;
  runError: ApiError | null;
  cancel: (() => void) | null;
  setFolder: (folder: string) => void;
  setMirror: (mirror: string) => void;
  setDockerfile: (text: string) => void;
  setEnvValue: (name: string, value: string) => void;
  setHostPort: (value: string) => void;
  setEntryService: (name: string | null) => void;
  makePlan: (overrides?: PlanOverrides) => Promise<void>;
  deploy: (onDone: (result: { url: string | null; title: string }) => void) => void;
}

const storedMirror = (): string => {
  try {
    return localStorage.getItem(MIRROR_KEY) ?? '';
  } catch {
    return '';
  }
};

export const useDeployStore = create<DeployState>((set, get) => ({
  folder: '',
  mirror: storedMirror(),
  plan: null,
  entryService: null,
  composeResult: null,
  planning: false,
  planError: null,
  dockerfile: '',
  dockerfileEdited: false,
  envValues: {},
  hostPort: '',
  running: false,
  stages: freshStages(),
  output: [],
  pulls: [],
  result: null,
  runError: null,
  cancel: null,
  setFolder: (folder) => set({ folder }),
  setMirror: (mirror) => {
    try {
      localStorage.setItem(MIRROR_KEY, mirror);
    } catch {
      /* storage may be disabled; the field still works for this session */
    }
    set({ mirror });
  },
  setDockerfile: (dockerfile) => set({ dockerfile, dockerfileEdited: true }),
  setEnvValue: (name, value) => set({ envValues: { ...get().envValues, [name]: value } }),
  setHostPort: (value) => set({ hostPort: value }),
  setEntryService: (entryService) => set({ entryService }),

  makePlan: async (overrides = {}) => {
    const { folder, mirror } = get();
    set({ planning: true, planError: null, result: null, composeResult: null, runError: null });
    const res = await api.invoke('deploy:plan', { folder: folder.trim(), registryMirror: mirror.trim() || undefined, overrides });
    if (!res.ok) {
      set({ planning: false, planError: res.error, plan: null });
      return;
    }
    const plan = res.data;
    const fresh = { planning: false, plan, stages: freshStages(), output: [], pulls: [] };
    if (plan.kind === 'compose') set({ ...fresh, entryService: plan.entryService, dockerfile: '', dockerfileEdited: false });
    else set({ ...fresh, entryService: null, dockerfile: plan.dockerfile, dockerfileEdited: false });
  },

  deploy: (onDone) => {
    const { plan, dockerfile, envValues, entryService, hostPort } = get();
    const requestedPort = hostPortNumber(hostPort);
    if (!plan) return;
    const env = Object.fromEntries(Object.entries(envValues).filter(([, v]) => v !== ''));
    const params =
      plan.kind === 'compose'
        ? { kind: 'compose' as const, folder: plan.folder, project: plan.name, ...(entryService ? { entryService } : {}) }
        : plan.port === null
          ? null
          : { folder: plan.folder, name: plan.name, port: plan.port, dockerfile, dockerignore: plan.dockerignore, env, ...(requestedPort ? { hostPort: requestedPort } : {}) };
    if (!params) return;
    set({ running: true, stages: freshStages(), output: [], pulls: [], result: null, composeResult: null, runError: null });
    const apply = (e: DeployEvent) => {
      if (e.kind === 'stage') {
        const prev = get().stages[e.stage];
        set({ stages: { ...get().stages, [e.stage]: { state: e.state, startedMs: e.state === 'running' ? Date.now() : prev.startedMs, elapsedMs: e.elapsedMs, message: e.message } } });
      } else if (e.kind === 'build') {
        const lines = e.events.flatMap((b) => (b.kind === 'step' ? [`Step ${b.index}/${b.total}: ${b.instruction}`] : b.kind === 'output' ? b.text.split('\n').filter((l) => l.trim()) : b.kind === 'failed' ? [b.message] : []));
        set({ output: [...get().output, ...lines].slice(-MAX_OUTPUT_LINES) });
      } else if (e.kind === 'pull') {
        const pulls = get().pulls;
        const known = pulls.some((p) => p.reference === e.progress.reference);
        set({ pulls: known ? pulls.map((p) => (p.reference === e.progress.reference ? e.progress : p)) : [...pulls, e.progress] });
      } else if (e.kind === 'log') {
        set({ output: [...get().output, e.text].slice(-MAX_OUTPUT_LINES) });
      } else if (e.kind === 'done') {
        set({ result: e.result });
        onDone({ url: e.result.url, title: `${e.result.container} deployed` });
      } else if (e.kind === 'compose-done') {
        set({ composeResult: e.result });
        onDone({ url: e.result.url, title: `${e.result.project} is up` });
      }
    };
    const close = api.subscribe('deploy:run', params, (message) => {
      if (message.kind === 'data') apply(message.data);
      else if (message.kind === 'error') set({ running: false, runError: message.error, cancel: null });
      else set({ running: false, cancel: null });
    });
    set({
      cancel: () => {
        close();
        const stages = get().stages;
        const running = DEPLOY_STAGES.find((s) => stages[s].state === 'running');
        set({ running: false, cancel: null, runError: { code: 'CANCELLED', message: 'The deploy was cancelled.' }, stages: running ? { ...stages, [running]: { ...stages[running], state: 'failed', message: 'Cancelled.' } } : stages });
      },
    });
  },
}));
