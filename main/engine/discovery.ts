import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type Dockerode from 'dockerode';

export interface EngineTarget {
  /** Where the engine is, as a user would write it (unix:///var/run/docker.sock, tcp://host:2376 …). */
  endpoint: string;
  /** How it was found: "DOCKER_HOST", "docker context \"x\"", "default socket" … */
  source: string;
  options: Dockerode.DockerOptions;
}

export interface DiscoveryResult {
  target: EngineTarget | null;
  /** Every place looked at, in order, for the "not reachable" screen. */
  tried: string[];
  /** Set when an explicit choice (DOCKER_HOST, a context) could not be used: what is wrong and where it came from. */
  problem?: string;
}

export interface DiscoveryEnv {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
  exists: (path: string) => boolean;
  readText: (path: string) => string | null;
  listDir: (path: string) => string[];
}

export const realDiscoveryEnv = (): DiscoveryEnv => ({
  env: process.env,
  platform: process.platform,
  home: homedir(),
  exists: existsSync,
  readText: (p) => {
    try {
      return readFileSync(p, 'utf8');
    } catch {
      return null;
    }
  },
  listDir: (p) => {
    try {
      return readdirSync(p);
    } catch {
      return [];
    }
  },
});

/** Parses a docker host URL (DOCKER_HOST or a context's endpoint) into dockerode options. */
export function parseDockerHost(host: string, env: NodeJS.ProcessEnv = {}, readText: DiscoveryEnv['readText'] = () => null): Dockerode.DockerOptions {
  if (host.startsWith('unix://')) return { socketPath: host.slice('unix://'.length) };
  if (host.startsWith('npipe://')) return { socketPath: host.slice('npipe://'.length).replace(/\//g, '\\') };
  const url = new URL(host);
  if (url.protocol === 'ssh:') {
    return { protocol: 'ssh', host: url.hostname, port: url.port ? Number(url.port) : 22, username: url.username || undefined } as Dockerode.DockerOptions;
  }
  if (url.protocol === 'tcp:' || url.protocol === 'http:' || url.protocol === 'https:') {
    const tls = url.protocol === 'https:' || (env.DOCKER_TLS_VERIFY !== undefined && env.DOCKER_TLS_VERIFY !== '' && env.DOCKER_TLS_VERIFY !== '0');
    const options: Dockerode.DockerOptions = {
      host: url.hostname,
      port: url.port ? Number(url.port) : tls ? 2376 : 2375,
      protocol: tls ? 'https' : 'http',
    };
    if (tls && env.DOCKER_CERT_PATH) {
      options.ca = readText(join(env.DOCKER_CERT_PATH, 'ca.pem')) ?? undefined;
      options.cert = readText(join(env.DOCKER_CERT_PATH, 'cert.pem')) ?? undefined;
      options.key = readText(join(env.DOCKER_CERT_PATH, 'key.pem')) ?? undefined;
    }
    return options;
  }
  throw new Error(`unsupported engine address "${host}" (use unix://, tcp://, ssh:// or npipe://)`);
}

/** parseDockerHost for a user-given value: a malformed one becomes a sentence naming the value and its origin. */
function parseFrom(host: string, from: string, env: NodeJS.ProcessEnv, readText: DiscoveryEnv['readText']): Dockerode.DockerOptions | string {
  const shown = JSON.stringify(host.slice(0, 200));
  try {
    const options = parseDockerHost(host, env, readText);
    if ('socketPath' in options && !options.socketPath) throw new Error('the socket path is empty');
    if ('host' in options && options.protocol !== 'ssh' && !options.host) throw new Error('the host name is empty');
    return options;
  } catch (error) {
    const why = /Invalid URL/i.test(String(error)) ? 'it is not an address' : String((error as Error).message ?? error);
    return `${from} is set to ${shown}, which Porthole cannot use: ${why}. Write it as unix:///path/to/docker.sock, tcp://host:2375, ssh://user@host or npipe:////./pipe/name, or unset it.`;
  }
}

function contextEndpoint(name: string, d: DiscoveryEnv): string | null {
  const metaRoot = join(d.env.DOCKER_CONFIG ?? join(d.home, '.docker'), 'contexts', 'meta');
  for (const dir of d.listDir(metaRoot)) {
    const text = d.readText(join(metaRoot, dir, 'meta.json'));
    if (!text) continue;
    try {
      const meta = JSON.parse(text) as { Name?: string; Endpoints?: { docker?: { Host?: string } } };
      if (meta.Name === name && meta.Endpoints?.docker?.Host) return meta.Endpoints.docker.Host;
    } catch {
      // a broken meta file is skipped, as the docker CLI does for listing
    }
  }
  return null;
}

function currentContext(d: DiscoveryEnv): { name: string; from: string } | null {
  if (d.env.DOCKER_CONTEXT) return { name: d.env.DOCKER_CONTEXT, from: 'DOCKER_CONTEXT' };
  const configPath = join(d.env.DOCKER_CONFIG ?? join(d.home, '.docker'), 'config.json');
  const text = d.readText(configPath);
  if (!text) return null;
  try {
    const name = (JSON.parse(text) as { currentContext?: string }).currentContext;
    return name ? { name, from: configPath } : null;
  } catch {
    return null;
  }
}

/** The sockets Porthole looks at by itself, in order (also listed as engines by main/engines/). */
export function candidateSockets(d: DiscoveryEnv): { path: string; label: string }[] {
  if (d.platform === 'win32') {
    return [
      { path: '\\\\.\\pipe\\docker_engine', label: 'Docker Desktop pipe' },
      { path: '\\\\.\\pipe\\podman-machine-default', label: 'Podman machine pipe' },
    ];
  }
  const list = [
    { path: '/var/run/docker.sock', label: 'default socket' },
    { path: join(d.home, '.docker', 'run', 'docker.sock'), label: 'Docker Desktop socket' },
  ];
  if (d.env.XDG_RUNTIME_DIR) {
    list.push({ path: join(d.env.XDG_RUNTIME_DIR, 'docker.sock'), label: 'rootless Docker socket' });
    list.push({ path: join(d.env.XDG_RUNTIME_DIR, 'podman', 'podman.sock'), label: 'Podman socket' });
  }
  list.push({ path: '/run/podman/podman.sock', label: 'Podman socket' });
  if (d.platform === 'darwin') {
    list.push({ path: join(d.home, '.orbstack', 'run', 'docker.sock'), label: 'OrbStack socket' });
    list.push({ path: join(d.home, '.colima', 'default', 'docker.sock'), label: 'Colima socket' });
  }
  return list;
}

/**
 * Finds the engine the way the docker CLI does: DOCKER_HOST, then DOCKER_CONTEXT or the CLI's current
 * context, then the platform's sockets. An explicit choice (env or context) is never second-guessed.
 */
export function discoverEngine(d: DiscoveryEnv = realDiscoveryEnv()): DiscoveryResult {
  const tried: string[] = [];
  if (d.env.DOCKER_HOST) {
    tried.push(`DOCKER_HOST=${d.env.DOCKER_HOST}`);
    const options = parseFrom(d.env.DOCKER_HOST, 'The environment variable DOCKER_HOST', d.env, d.readText);
    if (typeof options === 'string') return { target: null, tried, problem: options };
    return { target: { endpoint: d.env.DOCKER_HOST, source: 'DOCKER_HOST', options }, tried };
  }
  const context = currentContext(d);
  if (context && context.name !== 'default') {
    const host = contextEndpoint(context.name, d);
    tried.push(`docker context "${context.name}" (from ${context.from})`);
    if (host) {
      const options = parseFrom(host, `The endpoint of docker context "${context.name}" (chosen by ${context.from})`, {}, d.readText);
      if (typeof options === 'string') return { target: null, tried, problem: options };
      return { target: { endpoint: host, source: `docker context "${context.name}"`, options }, tried };
    }
  }
  const sockets = candidateSockets(d);
  for (const socket of sockets) {
    tried.push(socket.path);
    if (d.exists(socket.path)) {
      const endpoint = d.platform === 'win32' ? `npipe://${socket.path.replace(/\\/g, '/')}` : `unix://${socket.path}`;
      return { target: { endpoint, source: socket.label, options: { socketPath: socket.path } }, tried };
    }
  }
  return { target: null, tried };
}
