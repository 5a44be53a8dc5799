import type { DeployEvent, DeployHistoryEntry, DeployPlan, DeployResult, PlanOverrides } from '../../shared/api/deploy';
import type { EngineConnection } from '../engine/connection';
import { asTask, type CoreEvents } from '../lib/event-bus';
import { ContainerService } from '../containers/container-service';
import { detectPlan } from './detect';
import type { AuthLookup } from './base-images';
import { DeployHistory } from './history';
import { runDeploy, type DeployRunParsed } from './pipeline';

/** One-click deploy: plan a folder, run the pipeline, keep the history. Shared by the UI handlers and the CLI. */
export class DeployService {
  readonly history: DeployHistory;

  constructor(
    private readonly connection: EngineConnection,
    options: { dataDir?: string; extraLabels?: Record<string, string>; authFor?: AuthLookup; events?: CoreEvents; containers?: ContainerService } = {},
  ) {
    this.history = new DeployHistory(options.dataDir, options.events);
    this.events = options.events;
    // The core's one container service (run, rename, stop, restart policy), for the pipeline's swap.
    this.containers = options.containers ?? new ContainerService(connection);
    this.extraLabels = options.extraLabels;
    this.authFor = options.authFor;
  }

  private readonly extraLabels?: Record<string, string>;
  private readonly authFor?: AuthLookup;
  private readonly events?: CoreEvents;
  readonly containers: ContainerService;
  private readonly inProgress = new Set<string>();

  plan(folder: string, registryMirror?: string, overrides?: PlanOverrides): Promise<DeployPlan> {
    return detectPlan(folder, { registryMirror, overrides });
  }

  listHistory(name?: string): Promise<DeployHistoryEntry[]> {
    return this.history.list(name);
  }

  run(params: DeployRunParsed, emit: (e: DeployEvent) => void, signal: AbortSignal): Promise<DeployResult> {
    const deps = { connection: this.connection, containers: this.containers, history: this.history, inProgress: this.inProgress, extraLabels: this.extraLabels, authFor: this.authFor };
    return asTask(this.events, 'Deploying…', () => runDeploy(deps, params, emit, signal));
  }
}
