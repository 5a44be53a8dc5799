import { afterAll, beforeAll } from 'vitest';
import { createCore, type PortholeCore } from '../../main/core';
import { headlessHost } from '../../main/host/host-adapter';
import type { ConnectionOptions } from '../../main/engine/connection';
import type { EngineRegistryOptions } from '../../main/engines/engine-registry';
import { SocketProxy } from './socket-proxy';
import { madeInBeforeAll } from './made-in-before-all';

type CoreOptions = ConnectionOptions & { engines?: EngineRegistryOptions };

/** A real core (engine connection, router, services) on the test engine, connected before it returns. */
export async function startCore(options: CoreOptions = {}): Promise<PortholeCore> {
  const core = createCore(headlessHost(), options);
  await core.connection.waitUntilConnected(15_000);
  return core;
}

/** A real core for the enclosing describe (or file): started before its tests, stopped after them. */
export function useCore(options: CoreOptions = {}): PortholeCore {
  const core = madeInBeforeAll<PortholeCore>('core');
  beforeAll(async () => core.set(await startCore(options)));
  afterAll(() => core.current?.stop());
  return core.stand;
}

/** A real core that reaches the engine through a SocketProxy, so a test can count or cut its connections. */
export function useProxiedCore(options: CoreOptions = {}): { core: PortholeCore; proxy: SocketProxy } {
  const proxy = madeInBeforeAll<SocketProxy>('socket proxy');
  const core = madeInBeforeAll<PortholeCore>('core');
  beforeAll(async () => {
    proxy.set(await SocketProxy.start());
    core.set(await startCore({ ...options, discover: proxy.stand.discover }));
  });
  afterAll(async () => {
    core.current?.stop();
    await proxy.current?.dispose();
  });
  return { core: core.stand, proxy: proxy.stand };
}
