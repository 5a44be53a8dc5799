import type { DeployEvent, DeployHistoryEntry, DeployPlan, DeployResult, PlanOverrides } from '../../shared/api/deploy';
import type { EngineConnection } from '../engine/connection';
import { detectPlan } from './detect';
import type { AuthLookup } from './base-images';
import { DeployHistory } from './history';
import { runDeploy, type DeployRunParsed } from './pipeline';

/** One-click deploy: plan a folder, run the pipeline, keep the history. Shared by the UI handlers and the CLI. */
export class DeployService {
  readonly history: DeployHistory;

  constructor(
    private readonly connection: EngineConnection,
    options: { dataDir?: string; extraLabels?: Record<string, string>; authFor?: AuthLookup } = {},
  ) {
    this.history = new DeployHistory(options.dataDir);
    this.extraLabels = options.extraLabels;
    this.authFor = options.authFor;
  }

  private readonly extraLabels?: Record<string, string>;
  private readonly authFor?: AuthLookup;

  plan(folder: string, registryMirror?: string, overrides?: PlanOverrides): Promise<DeployPlan> {
    return detectPlan(folder, { registryMirror, overrides });
  }

  listHistory(name?: string): Promise<DeployHistoryEntry[]> {
    return this.history.list(name);
  }

  run(params: DeployRunParsed, emit: (e: DeployEvent) => void, signal: AbortSignal): Promise<DeployResult> {
    return runDeploy({ connection: this.connection, history: this.history, extraLabels: this.extraLabels, authFor: this.authFor }, params, emit, signal);
  }
}
