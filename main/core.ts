import { EngineConnection, type ConnectionOptions } from './engine/connection';
import { ApiRouter } from './api/router';
import { createHandlers } from './api/handlers';
import { createServices, type Services } from './api/services';
import { PushHub } from './api/push-hub';
import type { HostAdapter } from './host/host-adapter';
import { CoreEvents } from './lib/event-bus';
import { EngineRegistry, engineSettingsFile, type EngineRegistryOptions } from './engines/engine-registry';
import { dataDir } from './lib/data-dir';

export interface PortholeCore {
  connection: EngineConnection;
  /** Domain events (runs, deploys, long tasks) for the tray, the notifier and the busy indicator. */
  events: CoreEvents;
  services: Services;
  router: ApiRouter;
  push: PushHub;
  stop(): void;
}

/** The composition root shared by the Electron shell, the browser host, the CLI and the tests. */
export function createCore(adapter: HostAdapter, options: ConnectionOptions & { engines?: EngineRegistryOptions } = {}): PortholeCore {
  const engines = new EngineRegistry({ settingsFile: engineSettingsFile(dataDir()), discover: options.discover, ...options.engines });
  const connection = new EngineConnection({ ...options, discover: () => engines.resolve() });
  engines.attach(connection);
  const events = new CoreEvents();
  const services = createServices(connection, adapter, events, engines);
  const handlers = createHandlers(services);
  const router = new ApiRouter(handlers.invoke, handlers.streams);
  const push = new PushHub();
  // The old engine's logs, stats, builds … end; the renderer re-lists when the new one connects.
  engines.on('switched', () => router.closeAllStreams({ code: 'ENGINE_UNAVAILABLE', message: 'Porthole switched to another engine.' }, ['engine-setup:start']));
  connection.on('status', (status) => push.publish('engine:status', status));
  connection.on('event', (event) => push.publish('engine:event', event));
  connection.start();
  services.engineSetup.startChosenIfNeeded(options.log ?? (() => {}));
  return {
    connection,
    events,
    services,
    router,
    push,
    stop: () => {
      services.compare.dispose();
      services.vm.dispose();
      services.engineSetup.dispose();
      connection.stop();
    },
  };
}
