import { buildBusyboxImage, busyboxImage, removeRunObjects } from './engine';
import { RUN_ID } from './run-id';

/** Integration tests: one busybox base image for the run; every labelled object removed at the end, pass or fail. */
export default async function setup(): Promise<() => Promise<void>> {
  process.env.PORTHOLE_TEST_RUN = RUN_ID;
  await buildBusyboxImage(busyboxImage());
  process.env.PORTHOLE_TEST_BUSYBOX = busyboxImage();
  return async () => {
    await removeRunObjects(RUN_ID);
  };
}
