import { execFile } from 'node:child_process';
import { mkdtemp, writeFile, copyFile, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Dockerode from 'dockerode';
import { RUN_ID, TEST_LABEL, testLabels } from './run-id';

const exec = promisify(execFile);

/** The test engine: the same discovery the app uses would find it; tests talk to it directly for setup. */
export const docker = new Dockerode();

export async function dockerCli(...args: string[]): Promise<string> {
  const { stdout } = await exec('docker', args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim();
}

/** The busybox base image of this run: FROM scratch + Debian's busybox-static. Built once in global setup. */
export const busyboxImage = (): string => process.env.PORTHOLE_TEST_BUSYBOX ?? `porthole-test-busybox:${RUN_ID}`;

/** Writes a build folder (files: relative path → content; busybox: copy /bin/busybox in). */
export async function makeContext(files: Record<string, string>, options: { busybox?: boolean } = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'porthole-ctx-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    await mkdir(join(full, '..'), { recursive: true });
    await writeFile(full, content);
  }
  if (options.busybox) await copyFile('/bin/busybox', join(dir, 'busybox'));
  return dir;
}

/** Builds an image of this run (labelled) from a build folder of `files` plus /bin/busybox; the folder is removed after. */
export async function buildLabelledImage(tag: string, files: Record<string, string>): Promise<void> {
  const dir = await makeContext(files, { busybox: true });
  try {
    await dockerCli('build', '-q', '--label', `${TEST_LABEL}=${RUN_ID}`, '-t', tag, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function buildBusyboxImage(tag: string): Promise<void> {
  await buildLabelledImage(tag, { Dockerfile: 'FROM scratch\nCOPY busybox /bin/busybox\nCMD ["/bin/busybox", "sh"]\n' });
}

/** Starts a labelled busybox container with the CLI (`args` after the image, e.g. a command). */
export async function runBusybox(name: string, cmd: string[] = ['/bin/busybox', 'sleep', '3600'], extra: string[] = []): Promise<string> {
  return dockerCli('run', '-d', '--label', `${TEST_LABEL}=${RUN_ID}`, '--name', name, ...extra, busyboxImage(), ...cmd);
}

/**
 * Removes every container, image, volume and network labelled with this run's id, and nothing else.
 * Only for the global teardowns: inside a test file it would delete other files' objects (the shared
 * busybox image among them) while they still run. A file removes what it made itself.
 */
export async function removeRunObjects(runId = RUN_ID): Promise<void> {
  const filter = { label: [`${TEST_LABEL}=${runId}`] };
  const containers = await docker.listContainers({ all: true, filters: filter });
  await Promise.all(containers.map((c) => docker.getContainer(c.Id).remove({ force: true, v: true }).catch(() => {})));
  const volumes = (await docker.listVolumes({ filters: filter })).Volumes ?? [];
  await Promise.all(volumes.map((v) => docker.getVolume(v.Name).remove().catch(() => {})));
  const networks = await docker.listNetworks({ filters: filter });
  await Promise.all(networks.map((n) => docker.getNetwork(n.Id).remove().catch(() => {})));
  const images = await docker.listImages({ filters: filter });
  for (const image of images) {
    await docker.getImage(image.Id).remove({ force: true }).catch(() => {});
  }
}

export { testLabels, RUN_ID, TEST_LABEL };
