import { PortholeError } from '../../shared/errors';
import type { AddEnginesVerdict } from '../../shared/api/engines';
import type { CallContext } from './router';

/**
 * Where a caller sits relative to the machine Porthole runs on. Electron windows and the CLI are in
 * the same process tree (no `place`); the browser host says for each WebSocket.
 */
export type CallerPlace = { sameMachine: true } | { sameMachine: false; why: string };

/** Adding an engine makes the host read certificate and key files and trust hosts: only for its own user. */
export function addEnginesVerdict(ctx: CallContext): AddEnginesVerdict {
  const place = ctx.place ?? { sameMachine: true };
  return place.sameMachine ? { allowed: true } : { allowed: false, reason: `Engines can be added only from the machine Porthole runs on: ${place.why}` };
}

export function requireSameMachine(ctx: CallContext, what: string): void {
  const verdict = addEnginesVerdict(ctx);
  if (!verdict.allowed) throw new PortholeError('PERMISSION_DENIED', `Porthole refused to ${what}. ${verdict.reason}`);
}
