import type { EngineEvent } from '../../shared/dto';

interface RawEvent {
  Type?: string;
  Action?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  scope?: string;
  time?: number;
  timeNano?: number;
  // API < 1.22 shape
  status?: string;
  id?: string;
  from?: string;
}

const IMAGE_ONLY_ACTIONS = new Set(['pull', 'push', 'tag', 'untag', 'delete', 'import', 'load', 'save']);

/**
 * Turns an engine event of any API version into one shape. `lineText` is the raw JSON line, read for
 * an exact `timeNano` (JSON.parse rounds integers above 2^53).
 */
export function normaliseEvent(value: unknown, lineText?: string): EngineEvent | null {
  if (typeof value !== 'object' || value === null) return null;
  const raw = value as RawEvent;
  const action = raw.Action ?? raw.status;
  const id = raw.Actor?.ID ?? raw.id;
  if (typeof action !== 'string' || typeof id !== 'string') return null;

  const type = raw.Type ?? (IMAGE_ONLY_ACTIONS.has(action) && !raw.from ? 'image' : 'container');
  const attributes: Record<string, string> = { ...(raw.Actor?.Attributes ?? {}) };
  if (raw.from && attributes.image === undefined) attributes.image = raw.from;

  const exactNano = lineText ? /"timeNano"\s*:\s*(\d+)/.exec(lineText)?.[1] : undefined;
  const timeNano =
    exactNano ??
    (typeof raw.timeNano === 'number'
      ? BigInt(Math.round(raw.timeNano)).toString()
      : typeof raw.time === 'number'
        ? (BigInt(raw.time) * 1_000_000_000n).toString()
        : (BigInt(Date.now()) * 1_000_000n).toString());
  const timeMs = Number(BigInt(timeNano) / 1_000_000n);

  const event: EngineEvent = { type, action, id, attributes, timeNano, timeMs };
  if (raw.scope) event.scope = raw.scope;
  return event;
}
