import { stat, access } from 'node:fs/promises';
import { constants } from 'node:fs';
import { join } from 'node:path';
import { PortholeError } from '../../shared/errors';
import type { EngineConnection } from '../engine/connection';
import type { HostAdapter } from './host-adapter';
import { findFreePort } from '../lib/ports';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '0.0.0.0']);

export class HostService {
  constructor(
    private readonly connection: EngineConnection,
    private readonly adapter: HostAdapter,
  ) {}

  capabilities(): { folderPicker: boolean; openExternal: boolean } {
    return this.adapter.capabilities;
  }

  async freePort(from: number, hostIp: string): Promise<{ port: number }> {
    const port = await findFreePort(from, hostIp);
    if (port === null) throw new PortholeError('PORT_IN_USE', `No free port between ${from} and ${from + 200}.`);
    return { port };
  }

  /**
   * Opens only what the app itself links to: an http(s) URL on a loopback address whose port a
   * container on this engine publishes right now.
   */
  async openExternal(url: string): Promise<{ opened: boolean }> {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new PortholeError('VALIDATION', 'Only http and https URLs can be opened.');
    if (!LOOPBACK.has(parsed.hostname)) throw new PortholeError('VALIDATION', `Porthole only opens the addresses of your containers, not ${parsed.hostname}.`);
    const port = Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
    const containers = await this.connection.client().listContainers();
    const published = containers.some((c) => (c.Ports ?? []).some((p) => p.PublicPort === port));
    if (!published) throw new PortholeError('NOT_FOUND', `No running container publishes port ${port}.`);
    return { opened: await this.adapter.openExternal(parsed.toString()) };
  }

  async pickFolder(title?: string): Promise<{ path: string | null }> {
    return { path: await this.adapter.pickFolder(title) };
  }

  async validateFolder(path: string, dockerfile: string): Promise<{ path: string; hasDockerfile: boolean }> {
    const info = await stat(path).catch(() => null);
    if (!info) throw new PortholeError('VALIDATION', `The folder ${path} does not exist.`);
    if (!info.isDirectory()) throw new PortholeError('VALIDATION', `${path} is a file, not a folder.`);
    try {
      await access(path, constants.R_OK | constants.X_OK);
    } catch {
      throw new PortholeError('PERMISSION_DENIED', `Porthole cannot read the folder ${path}.`);
    }
    const file = await stat(join(path, dockerfile)).catch(() => null);
    return { path, hasDockerfile: Boolean(file?.isFile()) };
  }
}
