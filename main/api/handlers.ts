import type { EngineConnection } from '../engine/connection';
import { engineInfo } from '../services/engine-service';
import { ContainerService } from '../services/container-service';
import { ImageService } from '../services/image-service';
import { HostService } from '../services/host-service';
import { streamLogs } from '../services/log-service';
import { streamStats } from '../services/stats-service';
import { buildImage } from '../services/build-service';
import type { HostAdapter } from '../services/host-adapter';
import type { InvokeHandlers, StreamHandlers } from './router';

export interface Services {
  connection: EngineConnection;
  containers: ContainerService;
  images: ImageService;
  host: HostService;
}

export function createServices(connection: EngineConnection, adapter: HostAdapter): Services {
  return {
    connection,
    containers: new ContainerService(connection),
    images: new ImageService(connection),
    host: new HostService(connection, adapter),
  };
}

export function createInvokeHandlers(s: Services): InvokeHandlers {
  return {
    'engine:info': () => engineInfo(s.connection),
    'engine:status': async () => s.connection.status,
    'containers:list': ({ all }) => s.containers.list(all),
    'containers:inspect': ({ id }) => s.containers.inspect(id),
    'containers:action': ({ ids, action }) => s.containers.act(ids, action),
    'containers:remove-preview': ({ ids }) => s.containers.removePreview(ids),
    'containers:remove': ({ ids, force }) => s.containers.remove(ids, force),
    'containers:run': (input) => s.containers.run(input),
    'images:list': () => s.images.list(),
    'images:inspect': ({ id }) => s.images.inspect(id),
    'images:remove': ({ id, force }) => s.images.remove(id, force),
    'host:free-port': ({ from, hostIp }) => s.host.freePort(from, hostIp),
    'host:open-external': ({ url }) => s.host.openExternal(url),
    'host:pick-folder': ({ title }) => s.host.pickFolder(title),
    'host:validate-folder': ({ path, dockerfile }) => s.host.validateFolder(path, dockerfile),
  };
}

export function createStreamHandlers(s: Services): StreamHandlers {
  return {
    'images:build': async (params, emit, { signal }) => {
      await buildImage(s.connection, params, emit, signal);
    },
    'containers:logs': (params, emit, { signal }) => streamLogs(s.connection, params, emit, signal),
    'containers:stats': ({ id }, emit, { signal }) => streamStats(s.connection, id, emit, signal),
  };
}
