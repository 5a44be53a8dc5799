import type { EngineConnection } from '../engine/connection';
import { ContainerService } from '../containers/container-service';
import { ImageService } from '../images/image-service';
import { HostService } from '../host/host-service';
import type { HostAdapter } from '../host/host-adapter';
import { CompareService } from '../compare/compare-service';
import { VmService } from '../vm/vm-service';
import { RegistryService } from '../registry/registry-service';
import { CredentialStore } from '../registry/credentials';
import { MemorySecretStore } from '../lib/secrets';
import { VolumeService } from '../volumes/volume-service';
import { NetworkService } from '../networks/network-service';
import { PruneService } from '../system/prune-service';
import { DeployService } from '../deploy/deploy-service';
import { FileService } from '../files/file-service';
import { ComposeService } from '../compose/compose-service';
import { EngineSetupService } from '../engine-setup/setup-service';
import { SwarmService } from '../swarm/swarm-service';
import { dataDir } from '../lib/data-dir';
import type { CoreEvents } from '../lib/event-bus';
import { EngineRegistry } from '../engines/engine-registry';
import { EnginePool } from '../engines/engine-pool';
import { AllContainers } from '../engine/all-containers';

export interface Services {
  connection: EngineConnection;
  /** The core's bus: services announce runs, deploys and long tasks on it. */
  events: CoreEvents;
  containers: ContainerService;
  images: ImageService;
  host: HostService;
  compare: CompareService;
  /** Measure a container's workload as a local QEMU VM. */
  vm: VmService;
  registry: RegistryService;
  volumes: VolumeService;
  networks: NetworkService;
  prune: PruneService;
  deploy: DeployService;
  files: FileService;
  compose: ComposeService;
  engineSetup: EngineSetupService;
  swarm: SwarmService;
  /** Every engine Porthole knows (contexts, found sockets) and which one the connection follows. */
  engines: EngineRegistry;
  /** A client per engine for the side-by-side Containers list (the one in use answers through `connection`). */
  enginePool: EnginePool;
}

export function createServices(connection: EngineConnection, adapter: HostAdapter, events: CoreEvents, engines: EngineRegistry = new EngineRegistry()): Services {
  const credentials = new CredentialStore(adapter.secrets ?? new MemorySecretStore());
  const allContainers = new AllContainers(connection);
  const containers = new ContainerService(connection, events, allContainers);
  const compose = new ComposeService(connection);
  return {
    connection,
    events,
    containers,
    images: new ImageService(connection, allContainers),
    host: new HostService(connection, adapter),
    compare: new CompareService(connection),
    vm: new VmService(connection),
    registry: new RegistryService(connection, credentials),
    volumes: new VolumeService(connection, allContainers),
    networks: new NetworkService(connection, allContainers),
    prune: new PruneService(connection),
    engineSetup: new EngineSetupService(connection, () => dataDir()),
    compose,
    swarm: new SwarmService(connection),
    deploy: new DeployService(connection, { authFor: (registry) => credentials.authFor(registry), events, containers, compose }),
    files: new FileService(connection),
    engines,
    enginePool: new EnginePool(engines, connection),
  };
}
