import { readFile, rename } from 'node:fs/promises';
import { writeFileAtomic } from '../lib/atomic-file';
import type { SecretStore } from '../lib/secrets';

/** Turns text into ciphertext and back (Electron's async safeStorage in the app; any cipher in tests). */
export interface Encryptor {
  encrypt(plain: string): Buffer | Promise<Buffer>;
  decrypt(cipher: Buffer): string | Promise<string>;
}

/**
 * Secrets in one file that holds only ciphertext: the whole key→value map is encrypted as one blob,
 * so not even the registry names are readable at rest. Writes go through a temp file and a rename.
 */
export class EncryptedFileSecretStore implements SecretStore {
  private cache: Map<string, string> | null = null;
  private writing: Promise<void> = Promise.resolve();
  private unreadable: string | null = null;

  constructor(
    private readonly file: string,
    private readonly encryptor: Encryptor,
    readonly description = 'OS keychain (encrypted file)',
  ) {}

  get notice(): string | null {
    return this.unreadable;
  }

  async get(key: string) {
    return (await this.load()).get(key) ?? null;
  }

  async set(key: string, value: string) {
    (await this.load()).set(key, value);
    await this.save();
  }

  async delete(key: string) {
    const map = await this.load();
    if (map.delete(key)) await this.save();
  }

  async keys() {
    return [...(await this.load()).keys()];
  }

  private async load(): Promise<Map<string, string>> {
    if (this.cache) return this.cache;
    let map = new Map<string, string>();
    const cipher = await readFile(this.file).catch(() => null);
    if (cipher && cipher.length > 0) {
      try {
        map = new Map(Object.entries(JSON.parse(await this.encryptor.decrypt(cipher)) as Record<string, string>));
      } catch {
        // Unreadable (another user's keychain, a corrupt file): keep it aside — it may be recoverable with
        // the right keychain — start empty so sign-ins work, and say so.
        map = new Map();
        const aside = `${this.file}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        const kept = await rename(this.file, aside).then(
          () => `it was kept as ${aside}`,
          () => 'it could not be moved aside',
        );
        this.unreadable = `The saved registry sign-ins could not be read (${kept}). Sign in again; the old file is not used.`;
      }
    }
    this.cache = map;
    return map;
  }

  private save(): Promise<void> {
    const map = this.cache ?? new Map<string, string>();
    this.writing = this.writing.then(async () => {
      await writeFileAtomic(this.file, await this.encryptor.encrypt(JSON.stringify(Object.fromEntries(map))), { mode: 0o600, dirMode: 0o700 });
    });
    return this.writing;
  }
}
