import { createCore, type PortholeCore } from '../../main/core';
import { headlessHost } from '../../main/host/host-adapter';
import type { ConnectionOptions } from '../../main/engine/connection';
import type { EngineRegistryOptions } from '../../main/engines/engine-registry';

/** A real core (engine connection, router, services) on the test engine, connected before it returns. */
export async function startCore(options: ConnectionOptions & { engines?: EngineRegistryOptions } = {}): Promise<PortholeCore> {
  const core = createCore(headlessHost(), options);
  await core.connection.waitUntilConnected(15_000);
  return core;
}
