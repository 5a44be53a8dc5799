import { PortholeError, type ErrorCode } from '../../shared/errors';
import { toApiError } from '../engine/errors';

const RULES: [RegExp, ErrorCode][] = [
  [/unauthorized|authentication required|denied|no basic auth credentials|incorrect username or password|401 Unauthorized|403 Forbidden/i, 'UNAUTHORIZED'],
  [/manifest unknown|not found|does not exist|no such image|repository name not known|name unknown|unknown tag/i, 'NOT_FOUND'],
  [/connection refused|no such host|i\/o timeout|network is unreachable|dial tcp|TLS handshake timeout|server misbehaving|Client\.Timeout|EOF$|http: server gave HTTP response to HTTPS client|x509/i, 'NETWORK'],
  [/invalid reference format|invalid tag|invalid repository name/i, 'VALIDATION'],
];

/** The stable code for a registry failure the engine reported in words. */
export function registryErrorCode(message: string): ErrorCode {
  return RULES.find(([re]) => re.test(message))?.[1] ?? 'INTERNAL';
}

/** A failure of a registry operation, keeping the engine's words and choosing a code from them. */
export function registryError(message: string, detail?: unknown): PortholeError {
  return new PortholeError(registryErrorCode(message), message, detail);
}

/** Maps a thrown engine error (HTTP status from the engine) the same way, by words first. */
export function toRegistryError(error: unknown): PortholeError {
  if (error instanceof PortholeError) return error;
  const api = toApiError(error);
  if (api.code === 'CANCELLED' || api.code === 'ENGINE_UNAVAILABLE') return new PortholeError(api.code, api.message);
  const code = registryErrorCode(api.message);
  return new PortholeError(code === 'INTERNAL' ? api.code : code, api.message);
}
