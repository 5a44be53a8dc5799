import { PortholeError } from '../../shared/errors';
import type { RegistrySearchResult } from '../../shared/api/registry';
import type { RegistryAuth } from './credentials';

const TIMEOUT_MS = 15_000;

/** Loopback registries speak plain http (the engine treats 127.0.0.0/8 as insecure too); others https. */
function baseUrl(host: string): string {
  const bare = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  const loopback = bare === 'localhost' || bare === '::1' || /^127\./.test(bare);
  return `${loopback ? 'http' : 'https'}://${host}`;
}

const hostnameOf = (host: string): string => host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
const isLoopback = (hostname: string): boolean => hostname === 'localhost' || hostname === '::1' || /^127\./.test(hostname);

/**
 * Why stored credentials must not go to this token realm, or null when they may: only to the registry's
 * own host, and only over https unless that host is loopback. A registry (or anyone answering for it)
 * must not be able to make Porthole post the password elsewhere or in clear text across a network.
 */
export function realmRefusal(registryHost: string, realm: URL): string | null {
  const registry = hostnameOf(registryHost);
  const target = hostnameOf(realm.hostname);
  if (target !== registry) return `a different host than ${registry}`;
  if (realm.protocol === 'https:') return null;
  if (realm.protocol === 'http:' && isLoopback(target)) return null;
  return `over ${realm.protocol.replace(/:$/, '')} instead of https`;
}

function basic(auth: RegistryAuth): string {
  return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
}

/** A registry that answers 401 with a Bearer challenge wants a token from its realm first. */
async function bearerToken(registryHost: string, challenge: string, auth: RegistryAuth | undefined, signal: AbortSignal): Promise<string | null> {
  const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  if (!params.realm) return null;
  let url: URL;
  try {
    url = new URL(params.realm);
  } catch {
    return null;
  }
  if (auth) {
    const refusal = realmRefusal(registryHost, url);
    if (refusal) throw new PortholeError('UNAUTHORIZED', `${registryHost} asked for your sign-in to be sent to ${url.origin}, ${refusal}. Porthole did not send it.`);
  }
  if (params.service) url.searchParams.set('service', params.service);
  url.searchParams.set('scope', params.scope ?? 'registry:catalog:*');
  const res = await fetch(url, { headers: auth ? { authorization: basic(auth) } : {}, signal, redirect: auth ? 'error' : 'follow' });
  if (!res.ok) return null;
  const body = (await res.json()) as { token?: string; access_token?: string };
  return body.token ?? body.access_token ?? null;
}

/** A private registry's repositories from /v2/_catalog (with the stored sign-in), filtered by `term`. */
export async function searchCatalog(host: string, term: string, limit: number, auth: RegistryAuth | undefined): Promise<RegistrySearchResult[]> {
  const url = `${baseUrl(host)}/v2/_catalog?n=1000`;
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetch(url, { headers: auth ? { authorization: basic(auth) } : {}, signal });
    const challenge = res.headers.get('www-authenticate') ?? '';
    if (res.status === 401 && /^Bearer /i.test(challenge)) {
      const token = await bearerToken(host, challenge, auth, signal);
      if (token) res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal });
    }
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError') throw new PortholeError('TIMEOUT', `${host} did not answer within ${TIMEOUT_MS / 1000} s.`);
    if (error instanceof PortholeError) throw error;
    throw new PortholeError('NETWORK', `Could not reach ${host}: ${e.cause?.code ?? e.message}.`);
  }
  if (res.status === 401 || res.status === 403) {
    throw new PortholeError('UNAUTHORIZED', auth ? `${host} refused the stored sign-in for ${auth.username} (HTTP ${res.status}).` : `${host} needs you to sign in before it lists its repositories.`);
  }
  if (res.status === 404) throw new PortholeError('NOT_FOUND', `${host} does not offer a catalog (/v2/_catalog answered 404).`);
  if (!res.ok) throw new PortholeError('NETWORK', `${host} answered HTTP ${res.status} to the catalog request.`);
  const body = (await res.json().catch(() => ({}))) as { repositories?: unknown };
  const repos = Array.isArray(body.repositories) ? body.repositories.filter((r): r is string => typeof r === 'string') : [];
  const needle = term.trim().toLowerCase();
  return repos
    .filter((r) => needle === '' || r.toLowerCase().includes(needle))
    .slice(0, limit)
    .map((name) => ({ name: `${host}/${name}`, description: '', registry: host }));
}
