import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export type HostKeyVerdict = 'known' | 'unknown' | 'changed';

export interface HostKeyInfo {
  keyType: string;
  /** `SHA256:…` without padding, as OpenSSH prints it. */
  fingerprint: string;
  /** The key blob in base64, as known_hosts stores it. */
  base64: string;
}

/** The ssh wire key blob starts with its type name as an ssh string (uint32 length + bytes). */
export function describeHostKey(blob: Buffer): HostKeyInfo {
  const length = blob.length >= 4 ? blob.readUInt32BE(0) : 0;
  const keyType = length > 0 && length < 64 ? blob.subarray(4, 4 + length).toString('latin1') : 'unknown';
  const fingerprint = `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
  return { keyType, fingerprint, base64: blob.toString('base64') };
}

/** How OpenSSH names a host in known_hosts: bare on port 22, `[host]:port` elsewhere. */
export const knownHostsName = (host: string, port: number) => (port === 22 ? host : `[${host}]:${port}`);

function patternMatches(pattern: string, name: string): boolean {
  if (pattern.startsWith('|1|')) {
    const [, , salt, hash] = pattern.split('|');
    if (!salt || !hash) return false;
    return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
  }
  return pattern.split(',').some((p) => p === name);
}

/**
 * The user's known_hosts (OpenSSH's file, so `ssh` and Porthole trust the same hosts): plain and
 * hashed host names, `[host]:port` for other ports. A host whose key differs from a recorded one is
 * `changed` — refused, never offered for acceptance.
 */
export class KnownHosts {
  constructor(readonly file: string = join(homedir(), '.ssh', 'known_hosts')) {}

  check(host: string, port: number, key: HostKeyInfo): HostKeyVerdict {
    let text = '';
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return 'unknown';
    }
    const name = knownHostsName(host, port);
    let sawHost = false;
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (!line || line.startsWith('#') || line.startsWith('@')) continue;
      const [patterns, keyType, base64] = line.split(/\s+/);
      if (!patterns || !keyType || !base64 || !patternMatches(patterns, name)) continue;
      if (keyType === key.keyType && base64 === key.base64) return 'known';
      if (keyType === key.keyType) sawHost = true;
    }
    return sawHost ? 'changed' : 'unknown';
  }

  async add(host: string, port: number, key: HostKeyInfo): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    await appendFile(this.file, `${knownHostsName(host, port)} ${key.keyType} ${key.base64}\n`, { mode: 0o600 });
  }
}
