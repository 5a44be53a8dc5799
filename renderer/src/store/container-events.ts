/** Pure rules for turning engine events into container-list patches (kept apart from the store so they are easy to test). */
import type { ContainerSummary, EngineEvent } from '../../../shared/dto';
import { actionOf, touches } from '../../../shared/live-lists';

/** The state a row can show at once, before the re-list confirms it (`kill` is followed by `die`, so it patches nothing). */
const STATE_AFTER: Record<string, string> = { start: 'running', restart: 'running', unpause: 'running', pause: 'paused', die: 'exited', stop: 'exited' };

export type EventEffect = { kind: 'ignore' } | { kind: 'removed'; id: string } | { kind: 'changed'; id: string; state?: string };

export function effectOf(event: EngineEvent): EventEffect {
  if (!event.id || !touches('containers', event)) return { kind: 'ignore' };
  const action = actionOf(event);
  if (action === 'destroy') return { kind: 'removed', id: event.id };
  return { kind: 'changed', id: event.id, state: STATE_AFTER[action] };
}

/** Applies an optimistic state change to a known row; returns the same map when nothing changed. */
export function patchState(containers: Record<string, ContainerSummary>, id: string, state: string | undefined): Record<string, ContainerSummary> {
  const current = containers[id];
  if (!current || !state || current.state === state) return containers;
  return { ...containers, [id]: { ...current, state } };
}

/** Merges a partial re-list of `ids`: rows the engine returned are upserted, asked-for rows it did not return are gone. */
export function mergePartial(containers: Record<string, ContainerSummary>, ids: string[], fresh: ContainerSummary[]): Record<string, ContainerSummary> {
  const next = { ...containers };
  const returned = new Set<string>();
  for (const c of fresh) {
    next[c.id] = c;
    returned.add(c.id);
  }
  for (const id of ids) if (!returned.has(id)) delete next[id];
  return next;
}

/**
 * The engine's list is a snapshot that can lag its own events by a moment (a `die` may be reported
 * before the list says "exited"). Rows the events say were destroyed stay gone; a row whose state
 * contradicts the latest event keeps the event's state and is returned in `stale` to be asked again.
 */
export function reconcile(
  containers: Record<string, ContainerSummary>,
  expected: Map<string, string>,
  destroyed: Set<string>,
): { containers: Record<string, ContainerSummary>; stale: string[] } {
  const stale: string[] = [];
  let next = containers;
  for (const id of destroyed) {
    if (next[id]) {
      if (next === containers) next = { ...containers };
      delete next[id];
    }
  }
  for (const [id, state] of expected) {
    const row = next[id];
    if (!row) continue;
    if (row.state === state) {
      expected.delete(id);
      continue;
    }
    if (next === containers) next = { ...containers };
    next[id] = { ...row, state };
    stale.push(id);
  }
  return { containers: next, stale };
}

export function byId(list: ContainerSummary[]): Record<string, ContainerSummary> {
  const out: Record<string, ContainerSummary> = {};
  for (const c of list) out[c.id] = c;
  return out;
}

/**
 * Collects ids from a burst of events and runs `flush` once per quiet window (one timer per burst,
 * never a loop). A flush that is still running holds the next one back, so requests never overlap.
 */
export class Coalescer {
  private pending = new Set<string>();
  private everything = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;

  constructor(
    private readonly flush: (ids: string[] | 'all') => Promise<void>,
    private readonly windowMs = 50,
    /** Past this many ids one full re-list is cheaper than a filtered one. */
    private readonly maxIds = 200,
  ) {}

  add(id: string): void {
    this.pending.add(id);
    this.schedule();
  }

  all(): void {
    this.everything = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.running) return;
    this.timer = setTimeout(() => void this.run(), this.windowMs);
  }

  private async run(): Promise<void> {
    this.timer = null;
    const ids = [...this.pending];
    const target = this.everything || ids.length > this.maxIds ? 'all' : ids;
    this.pending.clear();
    this.everything = false;
    if (target !== 'all' && target.length === 0) return;
    this.running = true;
    try {
      await this.flush(target);
    } finally {
      this.running = false;
      if (this.pending.size > 0 || this.everything) this.schedule();
    }
  }
}
