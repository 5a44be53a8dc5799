import type { EngineConnection } from '../engine/connection';
import { ContainerService } from '../containers/container-service';
import { ImageService } from '../images/image-service';
import { HostService } from '../host/host-service';
import type { HostAdapter } from '../host/host-adapter';
import { CompareService } from '../compare/compare-service';
import { RegistryService } from '../registry/registry-service';
import { CredentialStore } from '../registry/credentials';
import { MemorySecretStore } from '../lib/secrets';
import { VolumeService } from '../volumes/volume-service';
import { NetworkService } from '../networks/network-service';
import { PruneService } from '../system/prune-service';
import { DeployService } from '../deploy/deploy-service';

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
