import { useStore } from '../../../store';
import { useNow } from '../../../lib/use-now';
import { countdownText, secondsLeft, TRANSITION } from './transition-text';

export function StateBadge({ state }: { state: string }) {
  return <span className={`state-badge state-${state}`}>{state}</span>;
}

/** What a container is doing now: its engine state, or the transition an action has it in, with the kill countdown. */
export function ContainerStateCell({ id, state, status }: { id: string; state: string; status: string }) {
  const busy = useStore((s) => s.containerBusy[id]);
  const killAt = useStore((s) => s.containerKillAt[id]);
  const stopping = busy === 'stop' || busy === 'restart';
  const now = useNow(stopping && killAt !== undefined);
  if (!busy) {
    return (
      <>
        <StateBadge state={state} />
        <span className="muted small" title={status}>
          {status}
        </span>
      </>
    );
  }
  return (
    <span className="transition" role="status" data-testid="container-transition">
      <span className="state-badge state-transition">
        <span className="spinner" aria-hidden /> {TRANSITION[busy]}
      </span>
      {stopping && (
        <span className="muted small" title="When the stop timeout runs out, the engine kills the container (SIGKILL). Kill does it now.">
          {countdownText(killAt, now)}
        </span>
      )}
    </span>
  );
}

/** The engine state, or the transition an action has the container in (the detail's header). */
export function LiveStateBadge({ id, state }: { id: string; state: string }) {
  const busy = useStore((s) => s.containerBusy[id]);
  if (!busy) return <StateBadge state={state} />;
  return (
    <span className="state-badge state-transition">
      <span className="spinner" aria-hidden /> {TRANSITION[busy]}
    </span>
  );
}

/** The detail's sentence for the same transition, with room to explain the timeout. */
export function TransitionSentence({ id }: { id: string }) {
  const busy = useStore((s) => s.containerBusy[id]);
  const killAt = useStore((s) => s.containerKillAt[id]);
  const stopping = busy === 'stop' || busy === 'restart';
  const now = useNow(stopping && killAt !== undefined);
  if (!stopping) return null;
  const left = killAt === undefined ? null : secondsLeft(killAt, now);
  return (
    <p className="transition-note" role="status" data-testid="detail-transition">
      {TRANSITION[busy]}: the stop signal was sent.{' '}
      {left === null ? 'If it does not exit, the engine kills it when its stop timeout runs out.' : left > 0 ? `If it does not exit, the engine kills it in ${left} s.` : 'Its stop timeout ran out: the engine is killing it.'}{' '}
      Kill ends it now.
    </p>
  );
}
