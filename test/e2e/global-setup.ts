import { execFileSync } from 'node:child_process';
import { buildBusyboxImage, busyboxImage, removeRunObjects } from '../support/engine';
import { RUN_ID } from '../support/run-id';

/** Builds the app once (if stale) and the run's busybox base image; removes the run's objects at the end. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  execFileSync('node', ['scripts/ensure-build.mjs'], { stdio: 'inherit' });
  process.env.PORTHOLE_TEST_RUN = RUN_ID;
  await buildBusyboxImage(busyboxImage());
  process.env.PORTHOLE_TEST_BUSYBOX = busyboxImage();
  return async () => {
    await removeRunObjects(RUN_ID);
  };
}
