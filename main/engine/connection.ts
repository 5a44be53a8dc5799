import { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';
import Dockerode from 'dockerode';
import { PortholeError } from '../../shared/errors';
import type { EngineEvent, EngineStatus } from '../../shared/dto';
import { discoverEngine, type DiscoveryResult } from './discovery';
import { JsonLinesParser } from './json-lines';
import { normaliseEvent } from './event-normaliser';
import { toApiError } from './errors';

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
      throw new PortholeError('ENGINE_UNAVAILABLE', 'No Docker Engine was found.', { tried: this.statusTried() });
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
    const found = this.discover();
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
      this.unavailable('', '', 'No Docker Engine socket or address was found.', found.tried);
      return;
    }
    const docker = this.docker;
    try {
      await docker.ping();
      const version = await docker.version();
      if (this.stopped) return;
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
    const stream = (await docker.getEvents({ abortSignal: abort.signal } as Dockerode.GetEventsOptions)) as unknown as Readable;
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
