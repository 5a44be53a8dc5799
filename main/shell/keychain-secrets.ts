import { join } from 'node:path';
import { safeStorage } from 'electron';
import { MemorySecretStore, type SecretStore } from '../lib/secrets';
import { EncryptedFileSecretStore } from '../registry/encrypted-file-store';

/**
 * Registry secrets encrypted by the OS keychain (Electron safeStorage) in a file of ciphertext in the
 * data dir. Where the OS offers no real keychain (Linux without a secret service falls back to a
 * fixed key, "basic_text"), secrets stay in memory for the session instead of being written weakly.
 * Decided on first use, since safeStorage needs the app to be ready.
 */
export function createKeychainSecretStore(dataDir: () => string): SecretStore {
  let inner: SecretStore | null = null;
  const store = (): SecretStore => {
    if (inner) return inner;
    const weak = process.platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text';
    inner =
      safeStorage.isEncryptionAvailable() && !weak
        ? new EncryptedFileSecretStore(join(dataDir(), 'registry-credentials.bin'), {
            encrypt: (plain) => safeStorage.encryptString(plain),
            decrypt: (cipher) => safeStorage.decryptString(cipher),
          })
        : new MemorySecretStore();
    return inner;
  };
  return {
    get description() {
      return store().description;
    },
    get: (key) => store().get(key),
    set: (key, value) => store().set(key, value),
    delete: (key) => store().delete(key),
    keys: () => store().keys(),
  };
}
