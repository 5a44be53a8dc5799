import type { DeployEvent, DeployHistoryEntry, DeployPlan, DeployResult, DeploySavedFiles, PlanOverrides } from '../../shared/api/deploy';
import type { ComposeDeployPlan, ComposeDeployResult } from '../../shared/api/deploy-compose';
import type { ComposeService } from '../compose/compose-service';
import { composeDeployPlan } from '../compose/compose-deploy-plan';
import { deployComposeProject, type ComposeDeployParsed } from '../compose/compose-deploy';
import type { EngineConnection } from '../engine/connection';
import { PortholeError } from '../../shared/errors';
import { asTask, type CoreEvents } from '../lib/event-bus';
import { ContainerService } from '../containers/container-service';
import { detectPlan } from './detect';
import type { AuthLookup } from './base-images';
import { DeployHistory } from './history';
import { runDeploy, type DeployRunParsed } from './pipeline';
import { saveDeployFiles, type SaveFilesParsed } from './save-files';

/** One-click deploy: plan a folder, run the pipeline, keep the history. Shared by the UI handlers and the CLI. */
export class DeployService {
  readonly history: DeployHistory;

  constructor(
    private readonly connection: EngineConnection,
    options: { dataDir?: string; extraLabels?: Record<string, string>; authFor?: AuthLookup; events?: CoreEvents; containers?: ContainerService; compose?: ComposeService } = {},
  ) {
    this.history = new DeployHistory(options.dataDir, options.events);
    this.events = options.events;
    // The core's one container service (run, rename, stop, restart policy), for the pipeline's swap.
    this.containers = options.containers ?? new ContainerService(connection);
    this.extraLabels = options.extraLabels;
    this.authFor = options.authFor;
    this.compose = options.compose;
  }

  /** Without it (a bare service in tests), a compose folder is planned as one container like before. */
  private readonly compose?: ComposeService;

  private readonly extraLabels?: Record<string, string>;
  private readonly authFor?: AuthLookup;
  private readonly events?: CoreEvents;
  readonly containers: ContainerService;
  private readonly inProgress = new Set<string>();

  /** A folder holding a compose file deploys with compose up; any other folder as one container. */
  async plan(folder: string, registryMirror?: string, overrides?: PlanOverrides): Promise<DeployPlan | ComposeDeployPlan> {
    const compose = this.compose ? await composeDeployPlan(this.compose, folder) : null;
    return compose ?? detectPlan(folder, { registryMirror, overrides });
  }

  listHistory(name?: string): Promise<DeployHistoryEntry[]> {
    return this.history.list(name);
  }

  /** "Save Dockerfile to the folder": the only write into an app folder, and only when asked. */
  saveFiles(params: SaveFilesParsed): Promise<DeploySavedFiles> {
    return saveDeployFiles(params);
  }

  run(params: DeployRunParsed, emit: (e: DeployEvent) => void, signal: AbortSignal): Promise<DeployResult> {
    const deps = { connection: this.connection, containers: this.containers, history: this.history, inProgress: this.inProgress, extraLabels: this.extraLabels, authFor: this.authFor };
    return asTask(this.events, 'Deploying…', () => runDeploy(deps, params, emit, signal));
  }

  runCompose(params: ComposeDeployParsed, emit: (e: DeployEvent) => void, signal: AbortSignal): Promise<ComposeDeployResult> {
    const compose = this.compose;
    if (!compose) return Promise.reject(new PortholeError('INTERNAL', 'Compose deploys are not available in this Porthole.'));
    const deps = { compose, connection: this.connection, history: this.history, inProgress: this.inProgress };
    return asTask(this.events, `Deploying ${params.project} with compose…`, () => deployComposeProject(deps, params, emit, signal));
  }
}
