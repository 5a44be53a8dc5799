import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { request } from 'node:http';
import { PortholeError } from '../../shared/errors';
import type { EngineCandidate, EngineStartEvent } from '../../shared/api/engine-setup';
import type { EngineConnection } from '../engine/connection';
import { podmanSocketPath, type SetupProbe } from './candidates';
import { splitCommand } from '../../shared/shell-words';
import { sleep } from '../lib/sleep';

const SERVICE_READY_MS = 30_000;
const ENGINE_READY_MS = 180_000;
const STOP_GRACE_MS = 3_000;

type Emit = (event: EngineStartEvent) => void;

function pingSocket(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', timeout: 1_000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** Kills a process started in its own group, and everything it started. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

function streamLines(child: ChildProcess, emit: Emit, tail: string[]): void {
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > 20) tail.shift();
        emit({ kind: 'output', line: line.slice(0, 2_000) });
      }
    });
  }
}

/**
 * Starts an installed engine at the user's request. A Podman API service that Porthole starts is kept
 * while Porthole runs and stopped by `dispose()` (only that process, nothing the user started).
 */
export class EngineStarter {
  private service: { candidateId: string; child: ChildProcess } | null = null;

  constructor(
    private readonly connection: EngineConnection,
    private readonly probe: () => SetupProbe,
  ) {}

  get runningByPorthole(): string | null {
    return this.service?.child.exitCode === null ? this.service.candidateId : null;
  }

  async start(candidate: EngineCandidate, emit: Emit, signal: AbortSignal): Promise<void> {
    if (candidate.startBy === 'admin') {
      emit({ kind: 'waiting', message: `Run \`${candidate.command}\` in a terminal (it needs administrator rights). Porthole connects as soon as the engine answers.` });
      await this.waitConnected(emit, signal, ENGINE_READY_MS, candidate.id);
      return;
    }
    if (candidate.id === 'podman-service') {
      await this.startPodmanService(candidate, emit, signal);
      return;
    }
    await this.runToCompletion(candidate, emit, signal);
    await this.waitConnected(emit, signal, ENGINE_READY_MS, candidate.id);
  }

  private async startPodmanService(candidate: EngineCandidate, emit: Emit, signal: AbortSignal): Promise<void> {
    if (this.runningByPorthole) {
      await this.waitConnected(emit, signal, SERVICE_READY_MS, candidate.id);
      return;
    }
    const socket = podmanSocketPath(this.probe());
    mkdirSync(dirname(socket), { recursive: true });
    const child = spawn(candidate.found, ['system', 'service', '--time=0', `unix://${socket}`], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail: string[] = [];
    streamLines(child, emit, tail);
    let exited: string | null = null;
    child.once('exit', (code, sig) => {
      exited = sig ? `was ended by ${sig}` : `exited with code ${code}`;
    });
    child.once('error', (error) => {
      exited = `could not be run (${error.message})`;
    });
    this.service = { candidateId: candidate.id, child };
    emit({ kind: 'waiting', message: `Waiting for Podman's API on ${socket}…` });
    const deadline = Date.now() + SERVICE_READY_MS;
    while (!(await pingSocket(socket))) {
      if (signal.aborted) {
        this.stopService();
        throw new PortholeError('CANCELLED', 'Starting Podman was cancelled; the service Porthole started was stopped.');
      }
      if (exited) {
        this.service = null;
        throw new PortholeError('ENGINE_UNAVAILABLE', `podman system service ${exited}.${tail.length ? ` Its last words: ${tail.slice(-3).join(' / ')}` : ''}`);
      }
      if (Date.now() > deadline) {
        this.stopService();
        throw new PortholeError('TIMEOUT', `Podman's API did not answer on ${socket} within ${SERVICE_READY_MS / 1000} s; the service was stopped.`);
      }
      await sleep(200, signal);
    }
    child.unref();
    await this.waitConnected(emit, signal, SERVICE_READY_MS, candidate.id);
  }

  private runToCompletion(candidate: EngineCandidate, emit: Emit, signal: AbortSignal): Promise<void> {
    const words = splitCommand(candidate.command);
    if (!Array.isArray(words) || words.length === 0) return Promise.reject(new PortholeError('INTERNAL', `Cannot run "${candidate.command}".`));
    const [program, ...args] = words;
    return new Promise((resolve, reject) => {
      const child = spawn(program, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      const tail: string[] = [];
      streamLines(child, emit, tail);
      const onAbort = () => killGroup(child, 'SIGTERM');
      signal.addEventListener('abort', onAbort, { once: true });
      child.once('error', (error) => reject(new PortholeError('ENGINE_UNAVAILABLE', `${program} could not be run: ${error.message}`)));
      child.once('exit', (code) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) reject(new PortholeError('CANCELLED', `\`${candidate.command}\` was cancelled.`));
        else if (code === 0) resolve();
        else reject(new PortholeError('ENGINE_UNAVAILABLE', `\`${candidate.command}\` failed with exit code ${code}.${tail.length ? ` ${tail.slice(-3).join(' / ')}` : ''}`));
      });
    });
  }

  private async waitConnected(emit: Emit, signal: AbortSignal, timeoutMs: number, candidateId: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.connection.status.state !== 'connected') {
      if (signal.aborted) throw new PortholeError('CANCELLED', 'Stopped waiting for the engine.');
      if (Date.now() > deadline) throw new PortholeError('TIMEOUT', `The engine did not answer within ${Math.round(timeoutMs / 1000)} s.`);
      this.connection.retryNow();
      await sleep(500, signal);
    }
    emit({ kind: 'started', candidateId, endpoint: this.connection.status.endpoint });
  }

  private stopService(): void {
    const service = this.service;
    this.service = null;
    if (!service) return;
    killGroup(service.child, 'SIGTERM');
    const force = setTimeout(() => killGroup(service.child, 'SIGKILL'), STOP_GRACE_MS);
    force.unref();
    service.child.once('exit', () => clearTimeout(force));
  }

  /** Porthole is quitting: the service it started goes with it. */
  dispose(): void {
    this.stopService();
  }
}
