import { EngineConnection, type ConnectionOptions } from './engine/connection';
import { ApiRouter } from './api/router';
import { createHandlers } from './api/handlers';
import { createServices, type Services } from './api/services';
import { PushHub } from './api/push-hub';
import type { HostAdapter } from './host/host-adapter';

export interface PortholeCore {
  connection: EngineConnection;
  services: Services;
  router: ApiRouter;
  push: PushHub;
  stop(): void;
}

/** The composition root shared by the Electron shell, the browser host, the CLI and the tests. */
export function createCore(adapter: HostAdapter, options: ConnectionOptions = {}): PortholeCore {
  const connection = new EngineConnection(options);
  const services = createServices(connection, adapter);
  const handlers = createHandlers(services);
  const router = new ApiRouter(handlers.invoke, handlers.streams);
  const push = new PushHub();
  connection.on('status', (status) => push.publish('engine:status', status));
  connection.on('event', (event) => push.publish('engine:event', event));
  connection.start();
  return {
    connection,
    services,
    router,
    push,
    stop: () => {
      services.compare.dispose();
      connection.stop();
    },
  };
}
