import { checkImageReference } from '../../shared/reference';

export const DOCKER_HUB = 'docker.io';
/** The server address the engine expects in auth for Docker Hub. */
export const DOCKER_HUB_AUTH_ADDRESS = 'https://index.docker.io/v1/';

/** The registry a reference lives in, by the docker CLI's rule: a first component with ".", ":" or "localhost" is a host. */
export function registryOf(reference: string): string {
  const slash = reference.indexOf('/');
  if (slash === -1) return DOCKER_HUB;
  const first = reference.slice(0, slash);
  if (first === 'localhost' || first.includes('.') || first.includes(':') || first !== first.toLowerCase()) return normaliseRegistry(first);
  return DOCKER_HUB;
}

export function normaliseRegistry(host: string): string {
  const h = host.replace(/^https?:\/\//, '').replace(/\/+$/, '').replace(/\/v[12]$/, '');
  if (h === 'index.docker.io' || h === 'registry-1.docker.io' || h === 'docker.io') return DOCKER_HUB;
  return h;
}

/** fromImage and tag as the engine's /images/create wants them (a digest goes in `tag`, as the CLI sends it). */
export function splitForPull(reference: string): { fromImage: string; tag: string } {
  const r = checkImageReference(reference);
  if (!r.ok) return { fromImage: reference, tag: 'latest' };
  return { fromImage: r.ref.name, tag: r.ref.digest ?? r.ref.tag ?? 'latest' };
}
