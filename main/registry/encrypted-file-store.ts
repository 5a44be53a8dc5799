import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SecretStore } from '../lib/secrets';

/** Turns text into ciphertext and back (Electron's safeStorage in the app; any cipher in tests). */
export interface Encryptor {
  encrypt(plain: string): Buffer;
  decrypt(cipher: Buffer): string;
}

/**
 * Secrets in one file that holds only ciphertext: the whole key→value map is encrypted as one blob,
 * so not even the registry names are readable at rest. Writes go through a temp file and a rename.
 */
export class EncryptedFileSecretStore implements SecretStore {
  private cache: Map<string, string> | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly encryptor: Encryptor,
    readonly description = 'OS keychain (encrypted file)',
  ) {}

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
        map = new Map(Object.entries(JSON.parse(this.encryptor.decrypt(cipher)) as Record<string, string>));
      } catch {
        // Unreadable (another user's keychain, a corrupt file): start empty rather than fail every sign-in.
        map = new Map();
      }
    }
    this.cache = map;
    return map;
  }

  private save(): Promise<void> {
    const map = this.cache ?? new Map<string, string>();
    this.writing = this.writing.then(async () => {
      await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
      const tmp = `${this.file}.${process.pid}.tmp`;
      await writeFile(tmp, this.encryptor.encrypt(JSON.stringify(Object.fromEntries(map))), { mode: 0o600 });
      await rename(tmp, this.file);
    });
    return this.writing;
  }
}
