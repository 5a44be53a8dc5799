import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PortholeError } from '../../shared/errors';
import type { EngineSetupReport, EngineStartEvent } from '../../shared/api/engine-setup';
import type { EngineConnection } from '../engine/connection';
import { findCandidates, realSetupProbe, type SetupProbe } from './candidates';
import { installHints } from './install-hints';
import { EngineStarter } from './engine-starter';
import { writeFileAtomicSync } from '../lib/atomic-file';

const FILE_NAME = 'engine-setup.json';

/** First run with no engine: what is installed, starting it on request, and the "start it with Porthole" choice. */
export class EngineSetupService {
  private readonly starter: EngineStarter;

  constructor(
    private readonly connection: EngineConnection,
    private readonly dataDir: () => string,
    private readonly probe: () => SetupProbe = realSetupProbe,
  ) {
    this.starter = new EngineStarter(connection, probe);
  }

  report(): EngineSetupReport {
    const probe = this.probe();
    const os = probe.platform === 'linux' || probe.platform === 'darwin' || probe.platform === 'win32' ? probe.platform : 'other';
    return {
      os,
      candidates: findCandidates(probe),
      install: installHints(probe.platform),
      startOnLaunch: this.readChoice(),
      runningByPorthole: this.starter.runningByPorthole,
    };
  }

  setStartOnLaunch(candidateId: string | null): EngineSetupReport {
    if (candidateId !== null && !findCandidates(this.probe()).some((c) => c.id === candidateId)) {
      throw new PortholeError('NOT_FOUND', `No engine "${candidateId}" is installed on this machine.`);
    }
    writeFileAtomicSync(join(this.dataDir(), FILE_NAME), JSON.stringify({ startOnLaunch: candidateId }));
    return this.report();
  }

  async start(candidateId: string, emit: (event: EngineStartEvent) => void, signal: AbortSignal): Promise<void> {
    const candidate = findCandidates(this.probe()).find((c) => c.id === candidateId);
    if (!candidate) throw new PortholeError('NOT_FOUND', `No engine "${candidateId}" is installed on this machine.`);
    await this.starter.start(candidate, emit, signal);
  }

  /**
   * At launch: when the user chose an engine to start with Porthole and none answers, start it.
   * Runs once, after the first attempt to connect has reported.
   */
  startChosenIfNeeded(log: (message: string) => void): void {
    const chosen = this.readChoice();
    if (!chosen) return;
    const run = () => {
      if (this.connection.status.state !== 'unavailable') return;
      log(`engine: starting ${chosen}, as chosen in the engine settings`);
      this.start(chosen, (e) => e.kind === 'output' && log(`engine: ${e.line}`), new AbortController().signal).catch((error: unknown) =>
        log(`engine: could not start ${chosen}: ${(error as Error).message}`),
      );
    };
    if (this.connection.status.state === 'connecting') this.connection.once('status', run);
    else run();
  }

  dispose(): void {
    this.starter.dispose();
  }

  private readChoice(): string | null {
    try {
      const value = (JSON.parse(readFileSync(join(this.dataDir(), FILE_NAME), 'utf8')) as { startOnLaunch?: unknown }).startOnLaunch;
      return typeof value === 'string' ? value : null;
    } catch {
      return null;
    }
  }
}
