import type Dockerode from 'dockerode';
import { PortholeError } from '../../shared/errors';
import { checkImageReference } from '../../shared/reference';
import type { ImageHistoryEntry, RegistryAccount, RegistrySearchResult, TransferProgress } from '../../shared/api/registry';
import type { EngineConnection } from '../engine/connection';
import { searchCatalog } from './catalog';
import type { CredentialStore } from './credentials';
import { pullImage, pushImage } from './image-transfer';
import { DOCKER_HUB, normaliseRegistry, registryOf } from './reference-host';
import { toRegistryError } from './registry-errors';
import * as engine from '../engine/gateway';

const HUB_SEARCH_TIMEOUT_MS = 20_000;

/** Pull, push, tag, history, sign-in and search: the registry side of images. */
export class RegistryService {
  constructor(
    private readonly connection: EngineConnection,
    readonly credentials: CredentialStore,
  ) {}

  private get docker(): Dockerode {
    return this.connection.client();
  }

  async pull(reference: string, emit: (p: TransferProgress) => void, signal: AbortSignal): Promise<TransferProgress> {
    return pullImage(this.connection, reference, await this.credentials.authFor(registryOf(reference)), emit, signal);
  }

  async push(reference: string, emit: (p: TransferProgress) => void, signal: AbortSignal): Promise<TransferProgress> {
    await this.docker
      .getImage(reference)
      .inspect()
      .catch(() => {
        throw new PortholeError('NOT_FOUND', `There is no local image ${reference} to push. Tag an image with this name first.`);
      });
    return pushImage(this.connection, reference, await this.credentials.authFor(registryOf(reference)), emit, signal);
  }

  async tag(source: string, target: string): Promise<{ reference: string }> {
    const parsed = checkImageReference(target);
    if (!parsed.ok) throw new PortholeError('VALIDATION', parsed.reason);
    await this.docker.getImage(source).tag({ repo: parsed.ref.name, tag: parsed.ref.tag ?? 'latest' });
    return { reference: `${parsed.ref.name}:${parsed.ref.tag ?? 'latest'}` };
  }

  async history(id: string): Promise<ImageHistoryEntry[]> {
    const rows = (await this.docker.getImage(id).history()) as {
      Id: string;
      Created: number;
      CreatedBy: string;
      Size: number;
      Tags: string[] | null;
      Comment: string;
    }[];
    return rows.map((r) => ({
      id: r.Id,
      createdMs: r.Created * 1000,
      createdBy: r.CreatedBy.replace(/^\/bin\/sh -c #\(nop\)\s*/, '').trim(),
      sizeBytes: r.Size,
      tags: r.Tags ?? [],
      comment: r.Comment ?? '',
    }));
  }

  listAccounts(): Promise<RegistryAccount[]> {
    return this.credentials.list();
  }

  storage(): Promise<{ description: string; notice: string | null }> {
    return this.credentials.storageState();
  }

  signIn(registry: string, username: string, secret: string): Promise<RegistryAccount> {
    return this.credentials.signIn(this.docker, registry, username, secret);
  }

  async signOut(registry: string): Promise<{ registry: string; signedOut: boolean }> {
    return { registry: normaliseRegistry(registry), signedOut: await this.credentials.signOut(registry) };
  }

  /** Docker Hub through the engine's /images/search; any other registry through its /v2/_catalog. */
  async search(term: string, registry: string | undefined, limit: number): Promise<RegistrySearchResult[]> {
    const host = registry ? normaliseRegistry(registry) : DOCKER_HUB;
    if (host !== DOCKER_HUB) return searchCatalog(host, term, limit, await this.credentials.authFor(host));
    if (term.trim() === '') throw new PortholeError('VALIDATION', 'Type what to search Docker Hub for.');
    try {
      const rows = await engine.searchHub(this.docker, term, limit, HUB_SEARCH_TIMEOUT_MS);
      return rows.map((r) => ({ name: r.name, description: r.description ?? '', stars: r.star_count, official: r.is_official, registry: DOCKER_HUB }));
    } catch (error) {
      if (error instanceof PortholeError && error.code === 'TIMEOUT') throw new PortholeError('TIMEOUT', `Docker Hub search did not answer within ${HUB_SEARCH_TIMEOUT_MS / 1000} s.`);
      const mapped = toRegistryError(error);
      if (mapped.code === 'NETWORK') throw new PortholeError('NETWORK', `The Docker Engine could not reach Docker Hub to search: ${mapped.message}`);
      throw mapped;
    }
  }
}
