import type { EngineKind } from '../../shared/api/engines';
import { candidateSockets, realDiscoveryEnv, type DiscoveryEnv } from '../engine/discovery';
import type { ContextsStore } from './contexts-store';

/** What Porthole knows about one engine before talking to it. */
export interface EngineDefinition {
  id: string;
  name: string;
  kind: EngineKind;
  endpoint: string;
  tlsDir: string | null;
  skipTlsVerify: boolean;
  /** The docker CLI's current context. */
  cliCurrent: boolean;
}

/**
 * Every engine Porthole can offer: DOCKER_HOST, the docker CLI's contexts, and the sockets it finds by
 * itself (the local one, rootless Docker, Podman). A socket already named by a context is listed once.
 */
export function catalogEngines(contexts: ContextsStore, d: DiscoveryEnv = realDiscoveryEnv()): EngineDefinition[] {
  const list: EngineDefinition[] = [];
  const cliCurrent = contexts.current(d.env);
  if (d.env.DOCKER_HOST) {
    list.push({ id: 'env:DOCKER_HOST', name: 'DOCKER_HOST', kind: 'env', endpoint: d.env.DOCKER_HOST, tlsDir: d.env.DOCKER_CERT_PATH ?? null, skipTlsVerify: false, cliCurrent: false });
  }
  for (const c of contexts.list()) {
    list.push({ id: `context:${c.name}`, name: c.name, kind: 'context', endpoint: c.host, tlsDir: c.tlsDir, skipTlsVerify: c.skipTlsVerify, cliCurrent: c.name === cliCurrent });
  }
  const seen = new Set(list.map((e) => e.endpoint));
  for (const socket of candidateSockets(d)) {
    const endpoint = d.platform === 'win32' ? `npipe://${socket.path.replace(/\\/g, '/')}` : `unix://${socket.path}`;
    if (seen.has(endpoint) || !d.exists(socket.path)) continue;
    seen.add(endpoint);
    const isDefault = socket.path === '/var/run/docker.sock';
    list.push({
      id: `socket:${socket.path}`,
      // The docker CLI calls the engine without a context "default"; keep that word for the default socket.
      name: isDefault ? 'default' : socket.label,
      kind: 'socket',
      endpoint,
      tlsDir: null,
      skipTlsVerify: false,
      cliCurrent: isDefault && cliCurrent === 'default' && !d.env.DOCKER_HOST,
    });
  }
  return list;
}
