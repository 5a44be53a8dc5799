import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PortholeCore } from '../../main/core';
import { invokeOk } from './api';
import { uniqueName } from './run-id';

const exec = promisify(execFile);

export interface SwarmEngine {
  socketPath: string;
  dockerHost: string;
  /** The docker CLI against this engine. */
  cli(...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

async function pingable(socketPath: string): Promise<boolean> {
  try {
    await exec('curl', ['-fsS', '--max-time', '1', '--unix-socket', socketPath, 'http://localhost/_ping']);
    return true;
  } catch {
    return false;
  }
}

/**
 * A second dockerd beside the shared one (own data-root, exec-root, pid file, socket and bridge), turned
 * into a single-node Swarm. The shared engine's global state is never touched. `index` keeps bridges and
 * subnets apart when two run at once. `initSwarm: false` leaves it a plain engine (the UI turns it into a Swarm).
 */
export async function startSwarmEngine(index = 0, options: { initSwarm?: boolean } = {}): Promise<SwarmEngine> {
  const root = await mkdtemp(join(tmpdir(), 'porthole-swarm-'));
  const bridge = `phswarm${process.pid % 1000}${index}`;
  const subnet = `172.31.${240 + index}.1/24`;
  await exec('ip', ['link', 'add', bridge, 'type', 'bridge']);
  await exec('ip', ['addr', 'add', subnet, 'dev', bridge]);
  await exec('ip', ['link', 'set', bridge, 'up']);
  const socketPath = join(root, 'docker.sock');
  const daemon: ChildProcess = spawn(
    'dockerd',
    ['--data-root', join(root, 'data'), '--exec-root', join(root, 'exec'), '--pidfile', join(root, 'docker.pid'), '-H', `unix://${socketPath}`, '-b', bridge],
    { stdio: 'ignore' },
  );
  const dockerHost = `unix://${socketPath}`;
  const cli = async (...args: string[]) => (await exec('docker', args, { env: { ...process.env, DOCKER_HOST: dockerHost }, maxBuffer: 64 << 20 })).stdout.trim();
  const stop = async () => {
    await cli('swarm', 'leave', '--force').catch(() => '');
    if (daemon.exitCode === null) {
      const exited = new Promise((resolve) => daemon.once('exit', resolve));
      daemon.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (daemon.exitCode === null) daemon.kill('SIGKILL');
    }
    await exec('ip', ['link', 'del', bridge]).catch(() => undefined);
    // Leftover overlay mounts under the data-root would make rm fail: unmount them first.
    await exec('sh', ['-c', `grep -o " ${root}[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l`]).catch(() => undefined);
    await rm(root, { recursive: true, force: true }).catch(() => undefined);
  };
  try {
    for (let i = 0; i < 120 && !(await pingable(socketPath)); i++) await new Promise((r) => setTimeout(r, 250));
    if (!(await pingable(socketPath))) throw new Error(`the second dockerd did not answer on ${socketPath}`);
    if (options.initSwarm === false) return { socketPath, dockerHost, cli, stop };
    // A port of its own for the Swarm's control plane, so two test engines (or a user's Swarm) never clash on 2377.
    const controlPort = 23_000 + ((process.pid * 7 + index) % 2_000);
    await cli('swarm', 'init', '--advertise-addr', `127.0.0.1:${controlPort}`, '--listen-addr', `127.0.0.1:${controlPort}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { socketPath, dockerHost, cli, stop };
}

/** A busybox httpd image on `engine` that serves `page` as index.html on port 80 (`cmd` replaces the start command). */
export async function buildHttpdImage(engine: SwarmEngine, tag: string, page: string, labels: Record<string, string>, cmd = '["/bin/busybox", "httpd", "-f", "-p", "80", "-h", "/www"]'): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'porthole-swarm-img-'));
  const { writeFile, copyFile, mkdir } = await import('node:fs/promises');
  await mkdir(join(dir, 'www'));
  await writeFile(join(dir, 'www', 'index.html'), page);
  await copyFile('/bin/busybox', join(dir, 'busybox'));
  await writeFile(join(dir, 'Dockerfile'), `FROM scratch\nCOPY busybox /bin/busybox\nCOPY www /www\nEXPOSE 80\nCMD ${cmd}\n`);
  const labelArgs = Object.entries(labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]);
  await engine.cli('build', '-q', ...labelArgs, '-t', tag, dir);
  await rm(dir, { recursive: true, force: true });
}

/** A unique service name of this run (a DNS label: letters, digits and dashes, at most 63). */
export const serviceName = (prefix: string): string => uniqueName(prefix).replace(/[^a-z0-9-]/g, '-').slice(0, 60);

/** Polls `probe` until `ok` holds; throws with the last value seen after `ms`. */
export async function until<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${what}: still ${JSON.stringify(last)} after ${ms} ms`);
}

async function page(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(3_000) });
  return res.text();
}

/** Every running replica's answer, through the host-mode port each task published on the node. */
export async function answers(core: PortholeCore, service: string): Promise<string[]> {
  const tasks = (await invokeOk(core, 'swarm:tasks', { service })).filter((t) => t.state === 'running' && t.desiredState === 'running');
  return Promise.all(tasks.map((t) => page(t.ports[0].published).catch((e: Error) => `unreachable: ${e.message}`)));
}
