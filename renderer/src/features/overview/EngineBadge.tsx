import { useStore } from '../../store';
import { useHostAccessProblem } from './HostAccessNotice';

export function EngineBadge() {
  const status = useStore((s) => s.status);
  const accessProblem = useHostAccessProblem();
  const label = accessProblem
    ? 'Link not accepted'
    : status.state === 'connected' ? `Engine ${status.version}` : status.state === 'connecting' ? 'Connecting…' : 'Engine not reachable';
  return (
    <div className={`engine-badge engine-${status.state}`} data-testid="engine-badge">
      <span className="dot" aria-hidden />
      {label}
    </div>
  );
}
