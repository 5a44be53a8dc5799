import type { EngineEvent } from '../../shared/dto';
import type { EngineConnection } from '../engine/connection';
import { waitForAnswer } from '../lib/port-probe';

export interface StartTiming {
  createdMs: number;
  startedMs: number;
  /** When the first published TCP port first answered (ms since epoch). */
  readyAtMs?: number;
  readyPort?: number;
}

const MAX_TRACKED = 2000;

/** Exact ms (with µs fraction) from the engine's decimal `timeNano`. */
export const nanoToMs = (timeNano: string): number => Number(BigInt(timeNano) / 1000n) / 1000;

type PublishedPort = { host: string; port: number };
export type FindPort = (id: string) => Promise<PublishedPort | null>;

/**
 * Measures container start-up from the engine's own event times: `create` → `start` (exact timeNano),
 * then, when the container publishes a TCP port, until that port first answers. Listens from the moment
 * the core starts, so containers started before the panel opens are measured too.
 */
export class StartTracker {
  private readonly created = new Map<string, number>();
  private readonly timings = new Map<string, StartTiming>();
  private readonly probes = new Map<string, AbortController>();
  private readonly listener = (event: EngineEvent) => this.onEvent(event);

  constructor(
    private readonly connection: EngineConnection,
    private readonly findPort: FindPort,
  ) {
    connection.on('event', this.listener);
  }

  timing(id: string): StartTiming | undefined {
    return this.timings.get(id);
  }

  dispose(): void {
    this.connection.off('event', this.listener);
    for (const abort of this.probes.values()) abort.abort();
    this.probes.clear();
  }

  onEvent(event: EngineEvent): void {
    if (event.type !== 'container') return;
    const { id, action } = event;
    if (action === 'create') {
      remember(this.created, id, nanoToMs(event.timeNano));
    } else if (action === 'start') {
      const createdMs = this.created.get(id);
      // Only the first start after create is a start-up; a restart later is not measured from create.
      if (createdMs === undefined || this.timings.has(id)) return;
      remember(this.timings, id, { createdMs, startedMs: nanoToMs(event.timeNano) });
      void this.probe(id);
    } else if (action === 'die' || action === 'destroy') {
      this.probes.get(id)?.abort();
      if (action === 'destroy') {
        this.created.delete(id);
        this.timings.delete(id);
      }
    }
  }

  private async probe(id: string): Promise<void> {
    const abort = new AbortController();
    this.probes.set(id, abort);
    try {
      const target = await this.findPort(id).catch(() => null);
      if (!target || abort.signal.aborted) return;
      const at = await waitForAnswer(target.host, target.port, abort.signal);
      const timing = this.timings.get(id);
      if (at !== null && timing) {
        timing.readyAtMs = at;
        timing.readyPort = target.port;
      }
    } finally {
      if (this.probes.get(id) === abort) this.probes.delete(id);
    }
  }
}

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.set(key, value);
  if (map.size > MAX_TRACKED) map.delete(map.keys().next().value as string);
}

/** The first published TCP port of a container's inspect document, as an address this host can dial. */
export function firstPublishedTcpPort(ports: Record<string, { HostIp?: string; HostPort?: string }[] | null> | undefined): PublishedPort | null {
  for (const [key, bindings] of Object.entries(ports ?? {})) {
    if (!key.endsWith('/tcp') || !bindings?.length) continue;
    const b = bindings[0];
    const port = Number(b.HostPort);
    if (!Number.isInteger(port) || port <= 0) continue;
    const ip = b.HostIp ?? '';
    const host = ip === '' || ip === '0.0.0.0' ? '127.0.0.1' : ip === '::' ? '::1' : ip;
    return { host, port };
  }
  return null;
}
