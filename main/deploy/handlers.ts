import type { Services } from '../api/services';
import type { DomainHandlers } from '../api/domain-handlers';


export function deployHandlers(s: Services) {
  return {
    invoke: {
      'deploy:plan': ({ folder, registryMirror, overrides }) => s.deploy.plan(folder, registryMirror, overrides),
      'deploy:history': ({ name }) => s.deploy.listHistory(name),
      'deploy:save-files': (params) => s.deploy.saveFiles(params),
    },
    streams: {
      'deploy:run': async (params, emit, { signal }) => {
        if (params.kind === 'compose') await s.deploy.runCompose(params, emit, signal);
        else await s.deploy.run(params, emit, signal);
      },
    },
  } satisfies DomainHandlers;
}
