import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DiscoveryResult } from '../../main/engine/discovery';

/** A unix socket path in a fresh folder of its own, for a test server that stands before the engine. */
export async function freshSocketPath(prefix: string): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), prefix)), 'engine.sock');
}

/** Removes the folder `freshSocketPath` made (with the socket file). */
export const removeSocketFolder = (path: string): Promise<void> => rm(dirname(path), { recursive: true, force: true });

/** What a core's `discover` answers to point at the socket at `path`. */
export const socketDiscovery = (path: string, source: string): DiscoveryResult => ({
  target: { endpoint: `unix://${path}`, source, options: { socketPath: path } },
  tried: [path],
});
