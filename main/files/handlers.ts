import type { Services } from '../api/services';
import type { DomainHandlers } from '../api/domain-handlers';

export function fileHandlers(s: Services) {
  return {
    invoke: {
      'files:list': ({ containerId, path, after, limit }) => s.files.list(containerId, path, after, limit),
      'files:read': ({ containerId, path }) => s.files.read(containerId, path),
      'files:save': ({ containerId, path, base64 }) => s.files.save(containerId, path, base64),
      'files:download': ({ containerId, path }) => s.files.download(containerId, path),
      'files:upload': ({ containerId, folder, files }) => s.files.upload(containerId, folder, files),
    },
    streams: {},
  } satisfies DomainHandlers;
}
