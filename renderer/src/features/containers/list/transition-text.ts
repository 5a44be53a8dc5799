import type { ContainerBusy } from '../../../store/containers-slice';

/** The state a container is passing through while an action runs on it, as the row and the detail name it. */
export const TRANSITION: Record<ContainerBusy, string> = {
  start: 'Starting',
  stop: 'Stopping',
  restart: 'Restarting',
  pause: 'Pausing',
  unpause: 'Resuming',
  kill: 'Killing',
  remove: 'Removing',
};

/** Whole seconds left before the engine kills a container that ignored its stop signal; 0 once it is due. */
export const secondsLeft = (killAtMs: number, nowMs: number): number => Math.max(0, Math.ceil((killAtMs - nowMs) / 1000));

/** Short enough for the state column at 800 px. */
export function countdownText(killAtMs: number | undefined, nowMs: number): string {
  if (killAtMs === undefined) return 'waiting for it to exit';
  const left = secondsLeft(killAtMs, nowMs);
  return left > 0 ? `killed in ${left} s` : 'being killed';
}
