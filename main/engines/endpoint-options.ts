import { existsSync, readFileSync } from 'node:fs';
import { Agent as HttpsAgent } from 'node:https';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type Dockerode from 'dockerode';
import { describeHostKey, type HostKeyInfo, type KnownHosts } from './known-hosts';
import { SshDialAgent } from './ssh-dial-agent';

export interface EndpointSpec {
  /** unix://, npipe://, tcp://, ssh://user@host[:port] */
  host: string;
  /** The context's TLS folder (ca.pem, cert.pem, key.pem); read in place, never copied. */
  tlsDir?: string | null;
  skipTlsVerify?: boolean;
}

export interface SshTrust {
  knownHosts: KnownHosts;
  /** Called when the host offers a key known_hosts does not hold (the connection is refused). */
  onRefusedKey(host: string, port: number, key: HostKeyInfo, verdict: 'unknown' | 'changed'): void;
  /** Key files tried when no agent is running (default: ~/.ssh/id_ed25519, id_ecdsa, id_rsa). */
  identityFiles?: string[];
  agentSocket?: string;
}

const readIf = (dir: string, file: string): string | undefined => {
  const path = join(dir, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
};

function defaultIdentity(files: string[] | undefined): string | undefined {
  const candidates = files ?? ['id_ed25519', 'id_ecdsa', 'id_rsa'].map((f) => join(homedir(), '.ssh', f));
  const found = candidates.find((f) => existsSync(f));
  return found ? readFileSync(found, 'utf8') : undefined;
}

/**
 * Turns an engine endpoint into dockerode options. TLS verification stays on unless the context
 * explicitly says SkipTLSVerify; an SSH host key is checked against known_hosts and never accepted
 * silently (ssh2's hostVerifier answers false and the caller shows the fingerprint).
 */
export function endpointOptions(spec: EndpointSpec, ssh: SshTrust): Dockerode.DockerOptions {
  const { host } = spec;
  if (host.startsWith('unix://')) return { socketPath: host.slice('unix://'.length) };
  if (host.startsWith('npipe://')) return { socketPath: host.slice('npipe://'.length).replace(/\//g, '\\') };
  const url = new URL(host);
  if (url.protocol === 'ssh:') {
    const hostname = url.hostname;
    const port = url.port ? Number(url.port) : 22;
    const agent = ssh.agentSocket ?? process.env.SSH_AUTH_SOCK;
    const dial = new SshDialAgent({
      host: hostname,
      port,
      username: decodeURIComponent(url.username) || 'root',
      agent: agent || undefined,
      privateKey: agent ? undefined : defaultIdentity(ssh.identityFiles),
      readyTimeout: 10_000,
      hostVerifier: (blob: Buffer) => {
        const key = describeHostKey(blob);
        const verdict = ssh.knownHosts.check(hostname, port, key);
        if (verdict === 'known') return true;
        ssh.onRefusedKey(hostname, port, key, verdict);
        return false;
      },
    });
    // Plain HTTP over the ssh channels of one connection (see SshDialAgent); host/port only name it.
    return { protocol: 'http', host: hostname, port, agent: dial } as Dockerode.DockerOptions;
  }
  if (url.protocol !== 'tcp:' && url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`unsupported engine address "${host.slice(0, 200)}" (use unix://, tcp://, ssh:// or npipe://)`);
  }
  const tls = Boolean(spec.tlsDir) || spec.skipTlsVerify === true || url.protocol === 'https:';
  const options: Dockerode.DockerOptions = {
    host: url.hostname,
    port: url.port ? Number(url.port) : tls ? 2376 : 2375,
    protocol: tls ? 'https' : 'http',
  };
  if (!tls) return options;
  const material = spec.tlsDir ? { ca: readIf(spec.tlsDir, 'ca.pem'), cert: readIf(spec.tlsDir, 'cert.pem'), key: readIf(spec.tlsDir, 'key.pem') } : {};
  Object.assign(options, material);
  if (spec.skipTlsVerify) {
    // Only on the context's explicit SkipTLSVerify; the engine list shows it as a warning.
    (options as { agent?: HttpsAgent }).agent = new HttpsAgent({ ...material, rejectUnauthorized: false, keepAlive: true });
  }
  return options;
}
