import { create } from 'zustand';
import { api } from '../../bridge';
import { useStore } from '../../store';
import { taskOfKind } from '../../store/tasks-slice';
import type { DeployTask } from '../../store/deploy-progress';
import type { ApiError } from '../../../../shared/errors';
import type { DeployPlan, PlanOverrides } from '../../../../shared/api/deploy';
import type { ComposeDeployPlan } from '../../../../shared/api/deploy-compose';

const MIRROR_KEY = 'porthole.deploy.registryMirror';

/** The host port typed in the plan, or null when the field is empty or not a port. */
export function hostPortNumber(text: string): number | null {
  const n = Number(text);
  return text !== '' && Number.isInteger(n) && n >= 1 && n <= 65535 ? n : null;
}

interface DeployState {
  folder: string;
  mirror: string;
  plan: DeployPlan | ComposeDeployPlan | null;
  /** Compose plans: the service whose published port the deploy waits for (null: none). */
  entryService: string | null;
  planning: boolean;
  planError: ApiError | null;
  dockerfile: string;
  dockerfileEdited: boolean;
  envValues: Record<string, string>;
  /** The host port the user asked for ('' = the app's port if free, else the next free one). */
  hostPort: string;
  /** The deploy of this plan in the tasks slice (null: not deployed since the folder was read). */
  taskId: string | null;
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
  planning: false,
  planError: null,
  dockerfile: '',
  dockerfileEdited: false,
  envValues: {},
  hostPort: '',
  taskId: null,
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
    set({ planning: true, planError: null, taskId: null });
    const res = await api.invoke('deploy:plan', { folder: folder.trim(), registryMirror: mirror.trim() || undefined, overrides });
    if (!res.ok) {
      set({ planning: false, planError: res.error, plan: null });
      return;
    }
    const plan = res.data;
    const fresh = { planning: false, plan };
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
    const taskId = useStore.getState().startDeploy(params, plan.name, (task) => {
      if (task.result) onDone({ url: task.result.url, title: `${task.result.container} deployed` });
      else if (task.composeResult) onDone({ url: task.composeResult.url, title: `${task.composeResult.project} is up` });
    });
    set({ taskId });
  },
}));

/** The deploy this view started, as the tasks slice holds it (it keeps running when the view is left). */
export const useDeployTask = (): DeployTask | undefined => {
  const taskId = useDeployStore((s) => s.taskId);
  return useStore((s) => taskOfKind(taskId ? s.tasks[taskId] : undefined, 'deploy'));
};

/** True while this view's deploy runs. */
export const useDeployRunning = (): boolean => useDeployTask()?.status === 'running';
