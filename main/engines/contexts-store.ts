import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { PortholeError } from '../../shared/errors';
import { writeFileAtomic } from '../lib/atomic-file';

/** One docker CLI context, as `docker context inspect` shows it (docker endpoint only). */
export interface DockerContext {
  name: string;
  description: string;
  host: string;
  skipTlsVerify: boolean;
  /** The context's own TLS folder (ca.pem, cert.pem, key.pem), when it has one. Never copied elsewhere. */
  tlsDir: string | null;
}

export interface NewContext {
  name: string;
  description: string;
  host: string;
  tls?: { ca?: string; cert?: string; key?: string };
  skipTlsVerify: boolean;
}

interface MetaFile {
  Name?: string;
  Metadata?: { Description?: string };
  Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } };
}

const digest = (name: string) => createHash('sha256').update(name).digest('hex');

/**
 * The docker CLI's contexts, read and written in its own on-disk format ($DOCKER_CONFIG or ~/.docker:
 * config.json's `currentContext`, contexts/meta/<sha256>/meta.json, contexts/tls/<sha256>/docker/*.pem),
 * so `docker context ls` and Porthole always agree.
 */
export class ContextsStore {
  constructor(private readonly configDir: string = process.env.DOCKER_CONFIG ?? join(homedir(), '.docker')) {}

  private metaDir(name: string): string {
    return join(this.configDir, 'contexts', 'meta', digest(name));
  }

  private tlsDir(name: string): string {
    return join(this.configDir, 'contexts', 'tls', digest(name), 'docker');
  }

  list(): DockerContext[] {
    const root = join(this.configDir, 'contexts', 'meta');
    let dirs: string[];
    try {
      dirs = readdirSync(root);
    } catch {
      return [];
    }
    const found: DockerContext[] = [];
    for (const dir of dirs) {
      let meta: MetaFile;
      try {
        meta = JSON.parse(readFileSync(join(root, dir, 'meta.json'), 'utf8')) as MetaFile;
      } catch {
        continue; // a broken meta file is skipped, as the docker CLI does when listing
      }
      const host = meta.Endpoints?.docker?.Host;
      if (!meta.Name || !host) continue;
      const tlsDir = this.tlsDir(meta.Name);
      found.push({
        name: meta.Name,
        description: meta.Metadata?.Description ?? '',
        host,
        skipTlsVerify: meta.Endpoints?.docker?.SkipTLSVerify === true,
        tlsDir: existsSync(tlsDir) ? tlsDir : null,
      });
    }
    return found.sort((a, b) => a.name.localeCompare(b.name));
  }

  find(name: string): DockerContext | null {
    return this.list().find((c) => c.name === name) ?? null;
  }

  /** The CLI's current context name (DOCKER_CONTEXT wins, as in the CLI); "default" when none is set. */
  current(env: NodeJS.ProcessEnv = process.env): string {
    if (env.DOCKER_CONTEXT) return env.DOCKER_CONTEXT;
    try {
      const config = JSON.parse(readFileSync(join(this.configDir, 'config.json'), 'utf8')) as { currentContext?: string };
      return config.currentContext || 'default';
    } catch {
      return 'default';
    }
  }

  async create(input: NewContext): Promise<void> {
    if (this.find(input.name)) throw new PortholeError('CONFLICT', `A docker context named "${input.name}" already exists.`);
    const tlsFiles = Object.entries(input.tls ?? {}).filter((e): e is [string, string] => Boolean(e[1]));
    for (const [, path] of tlsFiles) {
      if (!existsSync(path)) throw new PortholeError('NOT_FOUND', `The TLS file ${path} does not exist.`);
    }
    const meta: MetaFile = {
      Name: input.name,
      Metadata: { Description: input.description },
      Endpoints: { docker: { Host: input.host, SkipTLSVerify: input.skipTlsVerify } },
    };
    if (tlsFiles.length > 0) {
      // Like `docker context create --docker ca=…,cert=…,key=…`: the context keeps its own copy, owner-only.
      const dir = this.tlsDir(input.name);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      for (const [kind, path] of tlsFiles) await copyFile(path, join(dir, `${kind}.pem`));
    }
    await writeFileAtomic(join(this.metaDir(input.name), 'meta.json'), JSON.stringify(meta), { mode: 0o644, dirMode: 0o755 });
  }

  async remove(name: string): Promise<void> {
    if (!this.find(name)) throw new PortholeError('NOT_FOUND', `There is no docker context named "${name}".`);
    if (this.current({}) === name) {
      throw new PortholeError('CONFLICT', `The docker CLI uses "${name}" as its current context; choose another one first.`);
    }
    await rm(this.metaDir(name), { recursive: true, force: true });
    await rm(join(this.configDir, 'contexts', 'tls', digest(name)), { recursive: true, force: true });
  }

  /** `docker context use`: writes `currentContext` into config.json, keeping every other key. */
  async use(name: string | null): Promise<void> {
    if (name && !this.find(name)) throw new PortholeError('NOT_FOUND', `There is no docker context named "${name}".`);
    const file = join(this.configDir, 'config.json');
    let config: Record<string, unknown> = {};
    try {
      config = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new PortholeError('VALIDATION', `${file} is not valid JSON, so Porthole leaves it alone.`);
      }
    }
    if (name) config.currentContext = name;
    else delete config.currentContext;
    await writeFileAtomic(file, JSON.stringify(config, null, '\t'), { mode: 0o600 });
  }
}
