import type { DeployEvent, DeployStage } from '../../shared/api/deploy';

/** Emits stage events with elapsed times, and fails the stage with words a person reads. */
export class StageClock {
  private current: { stage: DeployStage; startedMs: number } | null = null;
  constructor(private readonly emit: (e: DeployEvent) => void) {}
  start(stage: DeployStage, message?: string): void {
    this.current = { stage, startedMs: Date.now() };
    this.emit({ kind: 'stage', stage, state: 'running', atMs: Date.now(), message });
  }
  done(message?: string): void {
    if (!this.current) return;
    this.emit({ kind: 'stage', stage: this.current.stage, state: 'done', atMs: Date.now(), elapsedMs: Date.now() - this.current.startedMs, message });
    this.current = null;
  }
  /** Reports the running stage as skipped: it turned out to have nothing to do. */
  skip(message?: string): void {
    if (!this.current) return;
    const { stage } = this.current;
    this.current = null;
    this.emit({ kind: 'stage', stage, state: 'skipped', atMs: Date.now(), message });
  }
  fail(message: string): DeployStage {
    const stage = this.current?.stage ?? 'plan';
    this.emit({ kind: 'stage', stage, state: 'failed', atMs: Date.now(), elapsedMs: this.current ? Date.now() - this.current.startedMs : 0, message });
    this.current = null;
    return stage;
  }
}
