import type { Services } from '../api/services';
import type { DomainHandlers } from '../api/domain-handlers';

export function composeHandlers(s: Services) {
  return {
    invoke: {
      'compose:projects': () => s.compose.projects(),
      'compose:binary': () => s.compose.binary(),
      'compose:open': ({ path, projectName }) => s.compose.open(path, projectName),
      'compose:down-preview': ({ project }) => s.compose.downPreview(project),
    },
    streams: {
      'compose:run': (params, emit, ctx) => s.compose.run(params, emit, ctx.signal),
      'compose:logs': (params, emit, ctx) => s.compose.logs(params, emit, ctx.signal),
    },
  } satisfies DomainHandlers;
}
