import type Dockerode from 'dockerode';
import { PortholeError } from '../../shared/errors';
import type { RegistryAccount } from '../../shared/api/registry';
import { DOCKER_HUB, DOCKER_HUB_AUTH_ADDRESS, normaliseRegistry } from './reference-host';
import { toRegistryError } from './registry-errors';
import type { SecretStore } from '../lib/secrets';


/** The engine's auth config (sent base64 in X-Registry-Auth); never leaves main. */
export interface RegistryAuth {
  username: string;
  password: string;
  serveraddress: string;
}

interface StoredCredential {
  username: string;
  secret: string;
}

const KEY_PREFIX = 'registry:';

/** Registry sign-ins: verified with the engine before they are kept, handed to pulls and pushes, never to the renderer. */
export class CredentialStore {
  constructor(private readonly secrets: SecretStore) {}

  get storage(): string {
    return this.secrets.description;
  }

  /** Read after a first use: a corrupt store is only discovered when it is loaded. */
  async storageState(): Promise<{ description: string; notice: string | null }> {
    await this.secrets.keys().catch(() => []);
    return { description: this.secrets.description, notice: this.secrets.notice ?? null };
  }

  async list(): Promise<RegistryAccount[]> {
    const keys = (await this.secrets.keys()).filter((k) => k.startsWith(KEY_PREFIX));
    const accounts: RegistryAccount[] = [];
    for (const key of keys.sort()) {
      const stored = await this.read(key);
      if (stored) accounts.push({ registry: key.slice(KEY_PREFIX.length), username: stored.username, signedIn: true });
    }
    return accounts;
  }

  /** Checks the credentials with the engine (`/auth`), then keeps them. Wrong ones are refused and not kept. */
  async signIn(docker: Dockerode, registry: string, username: string, secret: string): Promise<RegistryAccount> {
    const host = normaliseRegistry(registry);
    const auth = toAuth(host, { username, secret });
    try {
      await docker.checkAuth(auth);
    } catch (error) {
      const mapped = toRegistryError(error);
      throw new PortholeError(mapped.code === 'INTERNAL' || mapped.code === 'NOT_FOUND' ? 'UNAUTHORIZED' : mapped.code, `${host} refused the sign-in: ${mapped.message}`);
    }
    await this.secrets.set(KEY_PREFIX + host, JSON.stringify({ username, secret } satisfies StoredCredential));
    return { registry: host, username, signedIn: true };
  }

  async signOut(registry: string): Promise<boolean> {
    const key = KEY_PREFIX + normaliseRegistry(registry);
    const had = (await this.secrets.get(key)) !== null;
    await this.secrets.delete(key);
    return had;
  }

  /** The auth for a registry host, when signed in. */
  async authFor(registry: string): Promise<RegistryAuth | undefined> {
    const host = normaliseRegistry(registry);
    const stored = await this.read(KEY_PREFIX + host);
    return stored ? toAuth(host, stored) : undefined;
  }

  private async read(key: string): Promise<StoredCredential | null> {
    const raw = await this.secrets.get(key);
    if (!raw) return null;
    try {
      const value = JSON.parse(raw) as StoredCredential;
      return typeof value.username === 'string' && typeof value.secret === 'string' ? value : null;
    } catch {
      return null;
    }
  }
}

function toAuth(host: string, c: StoredCredential): RegistryAuth {
  return { username: c.username, password: c.secret, serveraddress: host === DOCKER_HUB ? DOCKER_HUB_AUTH_ADDRESS : host };
}
