import type { InvokeHandlers, StreamHandlers } from './router';
import type { Services } from './services';
import { systemHandlers } from '../system/handlers';
import { hostHandlers } from '../host/handlers';
import { containerHandlers } from '../containers/handlers';
import { imageHandlers } from '../images/handlers';
import { registryHandlers } from '../registry/handlers';
import { volumeHandlers } from '../volumes/handlers';
import { networkHandlers } from '../networks/handlers';
import { compareHandlers } from '../compare/handlers';
import { vmHandlers } from '../vm/handlers';
import { deployHandlers } from '../deploy/handlers';
import { terminalHandlers } from '../terminal/handlers';
import { fileHandlers } from '../files/handlers';
import { composeHandlers } from '../compose/handlers';
import { engineSetupHandlers } from '../engine-setup/handlers';
import { engineHandlers } from '../engines/handlers';
import { engineContainersHandlers } from '../engines/engine-containers-handlers';
import { swarmHandlers } from '../swarm/handlers';
import { kubernetesHandlers } from '../kubernetes/handlers';

/**
 * Every domain's handlers, merged. Each domain is spread by name so that the return annotations make a
 * channel without a handler (or a handler of the wrong type) a compile error.
 */
export function createHandlers(s: Services): { invoke: InvokeHandlers; streams: StreamHandlers } {
  const system = systemHandlers(s);
  const host = hostHandlers(s);
  const containers = containerHandlers(s);
  const images = imageHandlers(s);
  const registry = registryHandlers(s);
  const volumes = volumeHandlers(s);
  const networks = networkHandlers(s);
  const compare = compareHandlers(s);
  const vm = vmHandlers(s);
  const deploy = deployHandlers(s);
  const terminal = terminalHandlers(s);
  const files = fileHandlers(s);
  const compose = composeHandlers(s);
  const engineSetup = engineSetupHandlers(s);
  const engines = engineHandlers(s);
  const engineContainers = engineContainersHandlers(s);
  const swarm = swarmHandlers(s);
  const kubernetes = kubernetesHandlers();
  return {
    invoke: {
      ...system.invoke,
      ...host.invoke,
      ...containers.invoke,
      ...images.invoke,
      ...registry.invoke,
      ...volumes.invoke,
      ...networks.invoke,
      ...compare.invoke,
      ...vm.invoke,
      ...deploy.invoke,
      ...terminal.invoke,
      ...files.invoke,
      ...compose.invoke,
      ...engineSetup.invoke,
      ...engines.invoke,
      ...engineContainers.invoke,
      ...swarm.invoke,
      ...kubernetes.invoke,
    },
    streams: {
      ...system.streams,
      ...host.streams,
      ...containers.streams,
      ...images.streams,
      ...registry.streams,
      ...volumes.streams,
      ...networks.streams,
      ...compare.streams,
      ...vm.streams,
      ...deploy.streams,
      ...terminal.streams,
      ...files.streams,
      ...compose.streams,
      ...engineSetup.streams,
      ...engines.streams,
      ...engineContainers.streams,
      ...swarm.streams,
      ...kubernetes.streams,
    },
  };
}
