import type { SecretStore } from '../lib/secrets';

/** What differs between the Electron shell and the browser host. */
export interface HostAdapter {
  /** What the UI may offer on this host. */
  capabilities: { folderPicker: boolean; openExternal: boolean };
  /** Opens an http(s) URL in the user's browser; false when this host cannot (the page opens it itself). */
  openExternal(url: string): Promise<boolean>;
  /** Shows a native folder picker; null when cancelled or when this host has none. */
  pickFolder(title?: string): Promise<string | null>;
  /** Where registry secrets are kept: the OS keychain in Electron; memory (this session) when absent. */
  secrets?: SecretStore;
}

/** The browser host and the CLI: no native dialogs; the page opens links itself. */
export const headlessHost = (): HostAdapter => ({
  capabilities: { folderPicker: false, openExternal: false },
  openExternal: async () => false,
  pickFolder: async () => null,
});
