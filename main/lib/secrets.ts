/**
 * Where secrets live. Plain Node: the Electron shell passes an implementation backed by the OS
 * keychain (safeStorage); the browser host, the CLI and the tests keep them in memory.
 */
export interface SecretStore {
  /** Human words for the UI: "OS keychain", "memory (this session only)". */
  readonly description: string;
  /** Something the user must be told about this store (e.g. an unreadable file was set aside), or null. */
  readonly notice?: string | null;
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

export class MemorySecretStore implements SecretStore {
  readonly description = 'memory (this session only)';
  private readonly values = new Map<string, string>();
  async get(key: string) {
    return this.values.get(key) ?? null;
  }
  async set(key: string, value: string) {
    this.values.set(key, value);
  }
  async delete(key: string) {
    this.values.delete(key);
  }
  async keys() {
    return [...this.values.keys()];
  }
}
