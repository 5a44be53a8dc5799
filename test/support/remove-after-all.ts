import { afterAll } from 'vitest';
import { docker } from './engine';

/** What a test file made on the engine by id or name; all of it is removed after its tests, even when one failed. */
export interface MadeObjects {
  containers: string[];
  volumes: string[];
  images: string[];
}

export function removeAfterAll(): MadeObjects {
  const made: MadeObjects = { containers: [], volumes: [], images: [] };
  afterAll(async () => {
    await Promise.all(made.containers.map((id) => docker.getContainer(id).remove({ force: true }).catch(() => {})));
    await Promise.all(made.volumes.map((name) => docker.getVolume(name).remove().catch(() => {})));
    for (const image of made.images) await docker.getImage(image).remove({ force: true }).catch(() => {});
  });
  return made;
}
