import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { dockerCli } from './engine';
import { RUN_ID, TEST_LABEL } from './run-id';

const exec = promisify(execFile);

export const LOCAL_REGISTRY = '127.0.0.1:5000';

const PASSWD = 'root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000:node:/home/node:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n';
const GROUP = 'root:x:0:\nnode:x:1000:\nnobody:x:65534:\n';

/** The shared libraries a binary needs (and the dynamic loader), as `ldd` lists them. */
async function sharedLibraries(binary: string): Promise<string[]> {
  const { stdout } = await exec('ldd', [binary]);
  return [...stdout.matchAll(/(\/\S+)\s+\(0x/g)].map((m) => m[1]);
}

async function copyInto(root: string, hostPath: string, imagePath = hostPath): Promise<void> {
  const target = join(root, imagePath);
  await mkdir(dirname(target), { recursive: true });
  await copyFile(await realpath(hostPath), target);
}

async function buildAndPush(dir: string, dockerfile: string, tag: string, keepLocal: boolean): Promise<string> {
  await writeFile(join(dir, 'Dockerfile'), dockerfile);
  await dockerCli('build', '-q', '--label', `${TEST_LABEL}=${RUN_ID}`, '-t', tag, dir);
  await dockerCli('push', tag);
  // Without the local copy the build must fetch the base image through the mirror, as it would on a user's machine.
  if (!keepLocal) await dockerCli('rmi', tag).catch(() => '');
  await rm(dir, { recursive: true, force: true });
  return tag;
}

/**
 * A Node image made FROM scratch from this host's `node` binary and its libraries, with busybox as
 * /bin/sh (so RUN and shell-form work) and a `node` user; pushed to the local registry as the mirror's
 * `library/node:<major>-slim`, the tag Porthole's generated Dockerfile asks for.
 */
export async function pushNodeBaseImage(options: { registry?: string; keepLocal?: boolean } = {}): Promise<string> {
  const major = process.versions.node.split('.')[0];
  const tag = `${options.registry ?? LOCAL_REGISTRY}/library/node:${major}-slim`;
  const dir = await mkdtemp(join(tmpdir(), 'porthole-node-base-'));
  await copyInto(dir, process.execPath, '/usr/local/bin/node');
  for (const lib of await sharedLibraries(process.execPath)) await copyInto(dir, lib);
  await copyInto(dir, '/bin/busybox', '/bin/busybox');
  await copyInto(dir, '/bin/busybox', '/bin/sh');
  await mkdir(join(dir, 'etc'), { recursive: true });
  await writeFile(join(dir, 'etc/passwd'), PASSWD);
  await writeFile(join(dir, 'etc/group'), GROUP);
  await mkdir(join(dir, 'home/node'), { recursive: true });
  await mkdir(join(dir, 'tmp'), { recursive: true });
  const dockerfile = 'FROM scratch\nCOPY . /\nENV PATH=/usr/local/bin:/usr/bin:/bin NODE_VERSION=' + process.versions.node + '\nCMD ["node"]\n';
  return buildAndPush(dir, dockerfile.replace('COPY . /', 'COPY . /\nRUN ["/bin/busybox", "chmod", "1777", "/tmp"]'), tag, options.keepLocal ?? false);
}

/** busybox (with httpd) FROM scratch and a `nobody` user, pushed as the mirror's `library/busybox:1.36`. */
export async function pushBusyboxBaseImage(options: { registry?: string; keepLocal?: boolean } = {}): Promise<string> {
  const tag = `${options.registry ?? LOCAL_REGISTRY}/library/busybox:1.36`;
  const dir = await mkdtemp(join(tmpdir(), 'porthole-busybox-base-'));
  await copyInto(dir, '/bin/busybox', '/bin/busybox');
  await copyInto(dir, '/bin/busybox', '/bin/sh');
  await mkdir(join(dir, 'etc'), { recursive: true });
  await writeFile(join(dir, 'etc/passwd'), PASSWD);
  await writeFile(join(dir, 'etc/group'), GROUP);
  return buildAndPush(dir, 'FROM scratch\nCOPY . /\nENV PATH=/usr/local/bin:/usr/bin:/bin\nCMD ["sh"]\n', tag, options.keepLocal ?? false);
}

/** Best effort: the registry answers DELETE only when deletion is enabled. */
export async function deleteFromRegistry(repo: string, tag: string, registry: { base?: string; auth?: string } = {}): Promise<void> {
  const base = registry.base ?? `http://${LOCAL_REGISTRY}`;
  const headers: Record<string, string> = { accept: 'application/vnd.docker.distribution.manifest.v2+json' };
  if (registry.auth) headers.authorization = registry.auth;
  const head = await fetch(`${base}/v2/${repo}/manifests/${tag}`, { method: 'HEAD', headers }).catch(() => null);
  const digest = head?.headers.get('docker-content-digest');
  if (digest) await fetch(`${base}/v2/${repo}/manifests/${digest}`, { method: 'DELETE', headers }).catch(() => null);
}
