import type { ContainerCost } from '../../shared/api/compare';

export interface InspectFacts {
  name: string;
  /** ms since epoch, with the sub-ms fraction the engine gave. */
  createdMs: number;
  startedAtMs: number;
  restartCount: number;
}

/** Longer than this between create and start means it was created and started separately: not a start-up time. */
export const MAX_PLAUSIBLE_START_MS = 120_000;

/** RFC 3339 with up to nanoseconds ("2024-05-01T10:00:00.123456789Z") → ms since epoch, keeping µs. NaN when unreadable. */
export function parseEngineTime(text: string): number {
  const m = /^(.+T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(text);
  if (!m) return Number.NaN;
  const whole = Date.parse(`${m[1]}${m[3]}`);
  const fraction = m[2] ? Number(`0.${m[2]}`) * 1000 : 0;
  return whole + fraction;
}

/**
 * For a container that started before Porthole was watching: inspect's Created → State.StartedAt. It
 * is only a start-up time when the container has not restarted and was started right after creation.
 */
export function startFromInspect(facts: InspectFacts): Pick<ContainerCost, 'startMs' | 'startSource'> {
  const delta = facts.startedAtMs - facts.createdMs;
  if (facts.restartCount > 0 || !Number.isFinite(delta) || delta <= 0 || delta > MAX_PLAUSIBLE_START_MS) {
    return { startMs: null, startSource: null };
  }
  return { startMs: delta, startSource: 'inspect' };
}
