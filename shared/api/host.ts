import { z } from 'zod';
import { hostPath, port } from './common';

export const hostInvokeSchemas = {
  /** What this host can do (a native folder picker, opening the user's browser); the renderer asks rather than guessing its bridge. */
  'host:capabilities': z.object({}).strict(),
  /** A free TCP port on the host, at or after `from`. */
  'host:free-port': z.object({ from: port, hostIp: z.string().max(64).default('127.0.0.1') }).strict(),
  /** Opens an http(s) URL in the user's browser (Electron only; the browser host opens a tab itself). */
  'host:open-external': z
    .object({ url: z.string().max(2048).url().refine((u) => /^https?:\/\//i.test(u), 'only http and https URLs can be opened') })
    .strict(),
  /** Shows a folder picker (Electron only). */
  'host:pick-folder': z.object({ title: z.string().max(200).optional() }).strict(),
  /** Checks that a path is a readable folder, and says whether it holds a Dockerfile. */
  'host:validate-folder': z.object({ path: hostPath, dockerfile: z.string().max(1024).default('Dockerfile') }).strict(),
};

export interface HostCapabilities {
  folderPicker: boolean;
  openExternal: boolean;
}

export interface HostInvokeResults {
  'host:capabilities': HostCapabilities;
  'host:free-port': { port: number };
  'host:open-external': { opened: boolean };
  'host:pick-folder': { path: string | null };
  'host:validate-folder': { path: string; hasDockerfile: boolean };
}
