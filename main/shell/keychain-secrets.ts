import { join } from 'node:path';
import { MemorySecretStore, type SecretStore } from '../lib/secrets';
import { EncryptedFileSecretStore } from '../registry/encrypted-file-store';

/** The asynchronous half of Electron 45's safeStorage (the synchronous calls are deprecated, removed in 46). */
export interface AsyncSafeStorage {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only; 'basic_text' means a fixed key, i.e. no real keychain. */
  getSelectedStorageBackend?(): string;
}

export const KEYCHAIN_DESCRIPTION = 'OS keychain (encrypted file)';
const CHECKING = 'OS keychain (checking…)';

/**
 * Registry secrets encrypted by the OS keychain (Electron safeStorage) in a file of ciphertext in the
 * data dir. Where the OS offers no real keychain (Linux without a secret service falls back to a
 * fixed key, "basic_text"), secrets stay in memory for the session instead of being written weakly.
 * Decided once, asynchronously, after the app is ready (`prepare()`, or on first use).
 */
export function createKeychainSecretStore(safeStorage: AsyncSafeStorage, dataDir: () => string, platform: NodeJS.Platform = process.platform): SecretStore & { prepare(): Promise<SecretStore> } {
  let inner: SecretStore | null = null;
  let choosing: Promise<SecretStore> | null = null;
  const choose = async (): Promise<SecretStore> => {
    const available = await safeStorage.isAsyncEncryptionAvailable().catch(() => false);
    const weak = platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text';
    if (!available || weak) return new MemorySecretStore();
    return new EncryptedFileSecretStore(
      join(dataDir(), 'registry-credentials.bin'),
      {
        encrypt: (plain) => safeStorage.encryptStringAsync(plain),
        // A rotated key still decrypts; the next save writes the file again with the current key.
        decrypt: async (cipher) => (await safeStorage.decryptStringAsync(cipher)).result,
      },
      KEYCHAIN_DESCRIPTION,
    );
  };
  const prepare = (): Promise<SecretStore> => {
    choosing ??= choose().then((store) => (inner = store));
    return choosing;
  };
  return {
    get description() {
      return inner?.description ?? CHECKING;
    },
    get notice() {
      return inner?.notice ?? null;
    },
    prepare,
    get: async (key) => (await prepare()).get(key),
    set: async (key, value) => (await prepare()).set(key, value),
    delete: async (key) => (await prepare()).delete(key),
    keys: async () => (await prepare()).keys(),
  };
}
