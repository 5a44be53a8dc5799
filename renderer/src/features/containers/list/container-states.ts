import type { ContainerAction } from '../../../../../shared/api/containers';

export interface ActionDef {
  action: ContainerAction;
  label: string;
  danger?: boolean;
}

const START: ActionDef = { action: 'start', label: 'Start' };
const STOP: ActionDef = { action: 'stop', label: 'Stop' };
const RESTART: ActionDef = { action: 'restart', label: 'Restart' };
const PAUSE: ActionDef = { action: 'pause', label: 'Pause' };
const UNPAUSE: ActionDef = { action: 'unpause', label: 'Unpause' };
const KILL: ActionDef = { action: 'kill', label: 'Kill', danger: true };

/** What makes sense in each engine state, as `docker` allows it. */
export function actionsFor(state: string): ActionDef[] {
  switch (state) {
    case 'running':
      return [STOP, RESTART, PAUSE, KILL];
    case 'paused':
      return [UNPAUSE, STOP, KILL];
    case 'restarting':
      return [STOP, KILL];
    case 'removing':
      return [];
    default:
      return [START];
  }
}
