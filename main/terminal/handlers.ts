import type { Services } from '../api/services';
import type { DomainHandlers } from '../api/domain-handlers';
import { runTerminalSession } from './terminal-session';

export function terminalHandlers(s: Services) {
  return {
    invoke: {},
    streams: {
      'terminal:session': (params, emit, { signal, onInput }) => runTerminalSession(s.connection.client(), params, emit, onInput, signal),
    },
  } satisfies DomainHandlers;
}
