import type { EngineConnection } from '../engine/connection';
import { engineInfo } from '../services/engine-service';
import { ContainerService } from '../services/container-service';
import { ImageService } from '../services/image-service';
import { HostService } from '../services/host-service';
import { streamLogs } from '../services/log-service';
import { streamStats } from '../services/stats-service';
import { buildImage } from '../services/build-service';
import type { HostAdapter } from '../services/host-adapter';
import { CompareService } from '../compare/compare-service';
import { RegistryService } from '../registry/registry-service';
import { CredentialStore, MemorySecretStore } from '../registry/credentials';
import { VolumeService } from '../services/volume-service';
import { NetworkService } from '../services/network-service';
import { PruneService } from '../services/prune-service';
import { diskUsage } from '../services/disk-service';
import { DeployService } from '../deploy/deploy-service';
import type { InvokeHandlers, StreamHandlers } from './router';

export interface Services {
  connection: EngineConnection;
  containers: ContainerService;
  images: ImageService;
  host: HostService;
  compare: CompareService;
  registry: RegistryService;
  volumes: VolumeService;
  networks: NetworkService;
  prune: PruneService;
  deploy: DeployService;
}

export function createServices(connection: EngineConnection, adapter: HostAdapter): Services {
  const credentials = new CredentialStore(adapter.secrets ?? new MemorySecretStore());
  return {
    connection,
    containers: new ContainerService(connection),
    images: new ImageService(connection),
    host: new HostService(connection, adapter),
    compare: new CompareService(connection),
    registry: new RegistryService(connection, credentials),
    volumes: new VolumeService(connection),
    networks: new NetworkService(connection),
    prune: new PruneService(connection),
    deploy: new DeployService(connection, { authFor: (registry) => credentials.authFor(registry) }),
  };
}

export function createInvokeHandlers(s: Services): InvokeHandlers {
  return {
    'engine:info': () => engineInfo(s.connection),
    'engine:status': async () => s.connection.status,
    'containers:list': ({ all, ids }) => s.containers.list(all, ids),
    'containers:inspect': ({ id }) => s.containers.inspect(id),
    'containers:action': ({ ids, action }) => s.containers.act(ids, action),
    'containers:remove-preview': ({ ids }) => s.containers.removePreview(ids),
    'containers:remove': ({ ids, force }) => s.containers.remove(ids, force),
    'containers:run': (input) => s.containers.run(input),
    'images:list': () => s.images.list(),
    'images:inspect': ({ id }) => s.images.inspect(id),
    'images:remove': ({ id, force }) => s.images.remove(id, force),
    'host:capabilities': async () => s.host.capabilities(),
    'host:free-port': ({ from, hostIp }) => s.host.freePort(from, hostIp),
    'host:open-external': ({ url }) => s.host.openExternal(url),
    'host:pick-folder': ({ title }) => s.host.pickFolder(title),
    'host:validate-folder': ({ path, dockerfile }) => s.host.validateFolder(path, dockerfile),
    'images:tag': ({ source, target }) => s.registry.tag(source, target),
    'images:history': ({ id }) => s.registry.history(id),
    'registry:list': () => s.registry.listAccounts(),
    'registry:sign-in': ({ registry, username, secret }) => s.registry.signIn(registry, username, secret),
    'registry:sign-out': ({ registry }) => s.registry.signOut(registry),
    'registry:search': ({ term, registry, limit }) => s.registry.search(term, registry, limit),
    'volumes:list': () => s.volumes.list(),
    'volumes:inspect': ({ name }) => s.volumes.inspect(name),
    'volumes:create': (input) => s.volumes.create(input),
    'volumes:remove': ({ name }) => s.volumes.remove(name),
    'volumes:sizes': () => s.volumes.sizes(),
    'volumes:browse': ({ name, path }) => s.volumes.browse(name, path),
    'volumes:download': ({ name, path }) => s.volumes.download(name, path),
    'networks:list': () => s.networks.list(),
    'networks:create': (input) => s.networks.create(input),
    'networks:remove': ({ id }) => s.networks.remove(id),
    'networks:connect': ({ id, container }) => s.networks.connect(id, container),
    'networks:disconnect': ({ id, container, force }) => s.networks.disconnect(id, container, force),
    'system:disk-usage': () => diskUsage(s.connection),
    'system:prune-preview': (scope) => s.prune.preview(scope),
    'system:prune': ({ ids, confirmVolumes, ...scope }) => s.prune.prune(scope, ids, confirmVolumes),
    'compare:profiles': () => s.compare.listProfiles(),
    'compare:save-profile': ({ profile }) => s.compare.saveProfile(profile),
    'compare:delete-profile': ({ id }) => s.compare.deleteProfile(id),
    'deploy:plan': ({ folder, registryMirror, overrides }) => s.deploy.plan(folder, registryMirror, overrides),
    'deploy:history': ({ name }) => s.deploy.listHistory(name),
  };
}

export function createStreamHandlers(s: Services): StreamHandlers {
  return {
    'images:build': async (params, emit, { signal }) => {
      await buildImage(s.connection, params, emit, signal);
    },
    'containers:logs': (params, emit, { signal }) => streamLogs(s.connection, params, emit, signal),
    'containers:stats': ({ id }, emit, { signal }) => streamStats(s.connection, id, emit, signal),
    'images:pull': async ({ reference }, emit, { signal }) => {
      await s.registry.pull(reference, emit, signal);
    },
    'images:push': async ({ reference }, emit, { signal }) => {
      await s.registry.push(reference, emit, signal);
    },
    'compare:watch': (params, emit, { signal }) => s.compare.watch(params, emit, signal),
    'deploy:run': async (params, emit, { signal }) => {
      await s.deploy.run(params, emit, signal);
    },
  };
}
