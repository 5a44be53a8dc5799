import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { EngineConnection } from '../../main/engine/connection';
import { DeployService } from '../../main/deploy/deploy-service';
import { testLabels } from './run-id';
import { removeDeployedApp } from './deploy-apps';
import { madeInBeforeAll } from './made-in-before-all';

/** A deploy test file's kit: the service, and what it made, all removed after its tests even when one failed. */
export interface DeployKit {
  /** A real DeployService on the test engine; what it makes carries the run's label. */
  service: DeployService;
  /** Apps to remove afterwards (containers and images labelled `porthole.app=<name>`). */
  apps: string[];
  /** Folders to remove afterwards. */
  folders: string[];
}

export function useDeployService(tempPrefix: string): DeployKit {
  const service = madeInBeforeAll<DeployService>('deploy service');
  let connection: EngineConnection | null = null;
  const kit: DeployKit = { service: service.stand, apps: [], folders: [] };
  beforeAll(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), `${tempPrefix}data-`));
    kit.folders.push(dataDir);
    connection = new EngineConnection({ log: () => {} });
    connection.start();
    await connection.waitUntilConnected(15_000);
    service.set(new DeployService(connection, { dataDir, extraLabels: testLabels() }));
  });
  afterAll(async () => {
    connection?.stop();
    for (const name of kit.apps) await removeDeployedApp(name);
    for (const dir of kit.folders) await rm(dir, { recursive: true, force: true });
  });
  return kit;
}
