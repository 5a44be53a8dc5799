import type { z } from 'zod';
import { runInput } from '../../shared/api/containers';
import { toApiError } from '../engine/errors';
import type { Services } from '../api/services';
import type { CoreEvents } from '../lib/event-bus';
import type { SettingsStore } from '../settings/store';
import type { TrayAction } from './menu-model';

/** What only the shell can do (windows, login items, quitting, telling the user). */
export interface TrayShellPort {
  showWindow(view?: string, focusId?: string): void;
  setOpenAtLogin(on: boolean): void;
  openAtLogin(): boolean;
  quit(): void;
  /** A failure the user must hear about (the menu has no other place to show it). */
  reportError(title: string, body: string): void;
}

type TrayServices = Pick<Services, 'containers' | 'host' | 'compose' | 'engines'>;

/** Performs a tray action with the same services the API uses. Never throws: failures are reported. */
export function createTrayDispatcher(services: TrayServices, settings: SettingsStore, shell: TrayShellPort): (action: TrayAction) => Promise<void> {
  return async (action) => {
    try {
      switch (action.type) {
        case 'open-url':
          // The host service opens only loopback URLs whose port a running container publishes.
          await services.host.openExternal(action.url);
          return;
        case 'container': {
          const [outcome] = await services.containers.act([action.id], action.verb);
          if (outcome && !outcome.ok) shell.reportError(`Could not ${action.verb} ${action.name}`, outcome.error?.message ?? 'The engine refused.');
          return;
        }
        case 'compose':
          await services.compose.run({ action: action.verb, project: action.project, services: [], removeVolumes: false, confirmVolumes: [] }, () => {}, new AbortController().signal);
          return;
        case 'show':
          shell.showWindow(action.view, action.focusId);
          return;
        case 'run-image': {
          const input: z.output<typeof runInput> = runInput.parse({ ...(settings.lastRunFor(action.image) ?? {}), image: action.image });
          await services.containers.run(input);
          return;
        }
        case 'toggle-setting':
          settings.toggle(action.key);
          return;
        case 'toggle-login':
          shell.setOpenAtLogin(!shell.openAtLogin());
          return;
        case 'switch-engine': {
          // The same registry call `engines:switch` makes for the sidebar; it resolves once the engine answered.
          const list = await services.engines.switchTo(action.id);
          const now = list.engines.find((e) => e.id === action.id);
          if (now?.status.state === 'unreachable') shell.reportError(`Could not connect to ${action.name}`, now.status.reason);
          return;
        }
        case 'quit':
          shell.quit();
          return;
      }
    } catch (error) {
      const { message } = toApiError(error);
      shell.reportError(failureTitle(action), message);
    }
  };
}

function failureTitle(action: TrayAction): string {
  switch (action.type) {
    case 'open-url':
      return `Could not open ${action.url}`;
    case 'container':
      return `Could not ${action.verb} ${action.name}`;
    case 'run-image':
      return `Could not run ${action.image}`;
    case 'compose':
      return `Could not ${action.verb} ${action.project}`;
    case 'switch-engine':
      return `Could not switch to ${action.name}`;
    default:
      return 'Porthole could not do that';
  }
}

/** Remembers every successful `containers:run` (from the window or the tray) per image, for "run again". */
export function rememberRuns(events: CoreEvents, settings: SettingsStore): () => void {
  return events.on('container:ran', ({ input }) => {
    try {
      settings.rememberRun(input);
    } catch {
      // Remembering is a convenience; a read-only data dir must not fail the run.
    }
  });
}
