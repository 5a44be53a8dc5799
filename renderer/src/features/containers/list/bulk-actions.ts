import type { ContainerAction } from '../../../../../shared/api/containers';
import type { ContainerSummary } from '../../../../../shared/dto';
import { actionsFor } from './container-states';

const ORDER: { action: ContainerAction; label: string }[] = [
  { action: 'start', label: 'Start' },
  { action: 'stop', label: 'Stop' },
  { action: 'restart', label: 'Restart' },
  { action: 'pause', label: 'Pause' },
  { action: 'unpause', label: 'Unpause' },
  { action: 'kill', label: 'Kill' },
];

export interface BulkAction {
  action: ContainerAction;
  label: string;
  /** The selected containers this action applies to in their current state. */
  ids: string[];
}

/** The bulk actions that apply to at least one selected container, each with the ones it applies to. */
export function bulkActions(selected: string[], containers: Record<string, ContainerSummary>): BulkAction[] {
  return ORDER.map(({ action, label }) => ({
    action,
    label,
    ids: selected.filter((id) => containers[id] && actionsFor(containers[id].state).some((a) => a.action === action)),
  })).filter((b) => b.ids.length > 0);
}
