import { EventEmitter } from 'node:events';
import Dockerode from 'dockerode';
import { PortholeError } from '../../shared/errors';
import type { EngineEvent, EngineStatus } from '../../shared/dto';
import { discoverEngine, type DiscoveryResult } from './discovery';
import { JsonLinesParser } from './json-lines';
import { normaliseEvent } from './event-normaliser';
import { toApiError } from './errors';
import * as engine from './gateway';

export interface ConnectionOptions {
  /** Finds the engine; called again before every reconnect so a newly started engine is picked up. */
  discover?: () => DiscoveryResult;
  backoff?: { initialMs: number; maxMs: number };
  log?: (message: string) => void;
}

interface ConnectionEvents {
  status: [EngineStatus];
  event: [EngineEvent];
}

/**
 * Owns one engine: a dockerode client, a status watcher (ping with backoff while unreachable) and the
 * single `/events` stream. While connected it does not poll: the events stream closing is the signal
 * that the engine went away. Consumers re-list whenever the status becomes `connected` (dockerd keeps
 * only its last 256 events, so replay cannot be trusted).
 */
export class EngineConnection extends EventEmitter<ConnectionEvents> {
  private docker: Dockerode | null = null;
  private endpoint = '';
  private currentStatus: EngineStatus = { state: 'connecting', endpoint: '', source: '' };
  private eventsAbort: AbortController | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private delayMs: number;
  private problem: string | null = null;
  private stopped = true;
  private readonly discover: () => DiscoveryResult;
  private readonly backoff: { initialMs: number; maxMs: number };
  private readonly log: (message: string) => void;

  constructor(options: ConnectionOptions = {}) {
    super();
    this.discover = options.discover ?? (() => discoverEngine());
    this.backoff = options.backoff ?? { initialMs: 500, maxMs: 10_000 };
    this.delayMs = this.backoff.initialMs;
    this.log = options.log ?? (() => {});
  }

  get status(): EngineStatus {
    return this.currentStatus;
  }

  /** The dockerode client for the current endpoint. Throws ENGINE_UNAVAILABLE when none was found. */
  client(): Dockerode {
    if (!this.docker) this.refreshTarget();
    if (!this.docker) {
      throw new PortholeError('ENGINE_UNAVAILABLE', this.problem ?? 'No Docker Engine was found.', { tried: this.statusTried() });
    }
    return this.docker;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.attempt();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.eventsAbort?.abort();
    this.eventsAbort = null;
  }

  /** Looks for the engine again now instead of at the next backoff step (an engine was just started). */
  retryNow(): void {
    // Only while waiting between attempts: an attempt already in flight reports by itself.
    if (this.stopped || !this.retryTimer) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.delayMs = this.backoff.initialMs;
    void this.attempt();
  }

  /**
   * Drops the client and the events stream and connects again from `discover` (the user switched
   * engines). Statuses go `connecting` → `connected`/`unavailable`, so consumers re-list as after a reconnect.
   */
  retarget(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.eventsAbort?.abort();
    this.eventsAbort = null;
    this.docker = null;
    this.endpoint = '';
    this.delayMs = this.backoff.initialMs;
    if (this.stopped) return;
    this.setStatus({ state: 'connecting', endpoint: '', source: '' });
    void this.attempt();
  }

  /** Resolves once the status is `connected` (or rejects after `timeoutMs`). */
  waitUntilConnected(timeoutMs = 10_000): Promise<void> {
    if (this.currentStatus.state === 'connected') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('status', onStatus);
        reject(new PortholeError('ENGINE_UNAVAILABLE', `The engine did not answer within ${timeoutMs} ms.`));
      }, timeoutMs);
      const onStatus = (s: EngineStatus) => {
        if (s.state !== 'connected') return;
        clearTimeout(timer);
        this.off('status', onStatus);
        resolve();
      };
      this.on('status', onStatus);
    });
  }

  private statusTried(): string[] {
    return this.currentStatus.state === 'unavailable' ? this.currentStatus.tried : [];
  }

  private refreshTarget(): DiscoveryResult {
    let found: DiscoveryResult;
    try {
      found = this.discover();
    } catch (error) {
      // Discovery must never end the process: a surprise there is reported like any other unreachable engine.
      found = { target: null, tried: [], problem: `Looking for the Docker Engine failed: ${String((error as Error)?.message ?? error)}` };
    }
    this.problem = found.problem ?? null;
    if (!found.target) {
      this.docker = null;
      this.endpoint = '';
      return found;
    }
    if (found.target.endpoint !== this.endpoint || !this.docker) {
      // No `version` pinned (the engine negotiates) and no `timeout`: it would kill quiet follow streams.
      this.docker = new Dockerode(found.target.options);
      this.endpoint = found.target.endpoint;
    }
    return found;
  }

  private setStatus(status: EngineStatus): void {
    this.currentStatus = status;
    this.emit('status', status);
  }

  private async attempt(): Promise<void> {
    this.retryTimer = null;
    if (this.stopped) return;
    const found = this.refreshTarget();
    const target = found.target;
    if (!target || !this.docker) {
      this.unavailable('', '', found.problem ?? 'No Docker Engine socket or address was found.', found.tried);
      return;
    }
    const docker = this.docker;
    try {
      // A socket that accepts and never answers is an unavailable engine, not a hang.
      await engine.ping(docker);
      const version = await engine.version(docker);
      // A switch (retarget) during this attempt made it stale: the new attempt reports.
      if (this.stopped || docker !== this.docker) return;
      await this.openEvents(docker);
      this.delayMs = this.backoff.initialMs;
      this.setStatus({
        state: 'connected',
        endpoint: target.endpoint,
        source: target.source,
        version: version.Version,
        apiVersion: version.ApiVersion,
      });
    } catch (error) {
      if (docker !== this.docker) return;
      this.unavailable(target.endpoint, target.source, toApiError(error).message, found.tried);
    }
  }

  private unavailable(endpoint: string, source: string, reason: string, tried: string[]): void {
    if (this.stopped) return;
    const retryInMs = this.delayMs;
    this.delayMs = Math.min(this.delayMs * 2, this.backoff.maxMs);
    this.setStatus({ state: 'unavailable', endpoint, source, reason, tried, retryInMs });
    this.retryTimer = setTimeout(() => void this.attempt(), retryInMs);
  }

  private async openEvents(docker: Dockerode): Promise<void> {
    this.eventsAbort?.abort();
    const abort = new AbortController();
    this.eventsAbort = abort;
    const stream = await engine.events(docker, abort.signal);
    const parser = new JsonLinesParser(
      ({ value, text }) => {
        const event = normaliseEvent(value, text);
        if (event) this.emit('event', event);
      },
      (text) => this.log(`engine: skipped a malformed event line: ${text.slice(0, 200)}`),
    );
    stream.on('data', (chunk: Buffer) => parser.push(chunk));
    const closed = (why: string) => {
      parser.end();
      if (abort.signal.aborted || this.stopped || this.eventsAbort !== abort) return;
      this.eventsAbort = null;
      this.log(`engine: events stream closed (${why}); reconnecting`);
      this.delayMs = this.backoff.initialMs;
      this.unavailable(this.endpoint, this.currentStatus.source, 'The connection to the Docker Engine was lost.', []);
    };
    stream.on('end', () => closed('end'));
    stream.on('error', (err: Error) => closed(err.message));
    stream.on('close', () => closed('close'));
  }
}
