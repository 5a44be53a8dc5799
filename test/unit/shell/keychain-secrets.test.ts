import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYCHAIN_DESCRIPTION, createKeychainSecretStore, type AsyncSafeStorage } from '../../../main/shell/keychain-secrets';

/** safeStorage's asynchronous API (Electron 45) with a real cipher behind it; the OS keychain is what cannot run here. */
function asyncSafeStorage(available = true, backend = 'gnome_libsecret'): AsyncSafeStorage & { calls: string[] } {
  const key = randomBytes(32);
  const calls: string[] = [];
  return {
    calls,
    isAsyncEncryptionAvailable: async () => (calls.push('available'), available),
    encryptStringAsync: async (plain) => {
      calls.push('encrypt');
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decryptStringAsync: async (cipher) => {
      calls.push('decrypt');
      const d = createDecipheriv('aes-256-gcm', key, cipher.subarray(0, 12));
      d.setAuthTag(cipher.subarray(12, 28));
      return { result: Buffer.concat([d.update(cipher.subarray(28)), d.final()]).toString('utf8'), shouldReEncrypt: false };
    },
    getSelectedStorageBackend: () => backend,
  };
}

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('keychain secrets use only the asynchronous safeStorage API', () => {
  it('encrypts to a file of ciphertext and reads it back in a new session', async () => {
    dir = mkdtempSync(join(tmpdir(), 'porthole-keychain-'));
    const storage = asyncSafeStorage();
    const first = createKeychainSecretStore(storage, () => dir, 'linux');
    await first.set('registry:127.0.0.1:5000', '{"username":"u","secret":"hunter2"}');
    expect(first.description).toBe(KEYCHAIN_DESCRIPTION);
    const onDisk = readFileSync(join(dir, 'registry-credentials.bin'));
    expect(onDisk.toString('latin1')).not.toContain('hunter2');
    const second = createKeychainSecretStore(storage, () => dir, 'linux');
    expect(await second.get('registry:127.0.0.1:5000')).toContain('hunter2');
    expect(storage.calls).toEqual(expect.arrayContaining(['available', 'encrypt', 'decrypt']));
  });

  it('keeps secrets in memory where no real keychain exists (unavailable, or Linux basic_text)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'porthole-keychain-'));
    for (const storage of [asyncSafeStorage(false), asyncSafeStorage(true, 'basic_text')]) {
      const store = createKeychainSecretStore(storage, () => dir, 'linux');
      await store.set('k', 'v');
      expect(await store.get('k')).toBe('v');
      expect(store.description).toMatch(/memory/);
      expect(existsSync(join(dir, 'registry-credentials.bin'))).toBe(false);
    }
  });

  it('decides once, however many calls race at start', async () => {
    dir = mkdtempSync(join(tmpdir(), 'porthole-keychain-'));
    const storage = asyncSafeStorage();
    const store = createKeychainSecretStore(storage, () => dir, 'darwin');
    expect(store.description).toMatch(/checking/);
    await Promise.all([store.keys(), store.get('a'), store.prepare()]);
    expect(storage.calls.filter((c) => c === 'available')).toHaveLength(1);
  });
});
