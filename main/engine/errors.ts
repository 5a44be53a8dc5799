import { ZodError } from 'zod';
import { PortholeError, type ApiError } from '../../shared/errors';

interface DockerodeError extends Error {
  statusCode?: number;
  reason?: string;
  json?: { message?: string } | string | null;
  code?: string;
  errno?: number;
  address?: string;
}

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'ETIMEDOUT', 'ENOTSOCK']);

/** The engine's own words, without dockerode's "(HTTP code 404) no such container -" prefix. */
export function engineMessage(err: DockerodeError): string {
  if (err.json && typeof err.json === 'object' && typeof err.json.message === 'string') return err.json.message.trim();
  if (typeof err.json === 'string' && err.json.trim()) return err.json.trim();
  return (err.message ?? String(err)).replace(/^\(HTTP code \d+\)\s*[^-]*-\s*/, '').trim();
}

export function isPortInUseMessage(message: string): boolean {
  return /port is already allocated|address already in use|bind: address/i.test(message);
}

/** Maps anything thrown in main to a stable ApiError. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof PortholeError) return error.toApiError();
  if (error instanceof ZodError) {
    return {
      code: 'VALIDATION',
      message: error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; '),
      detail: error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    };
  }
  const err = error as DockerodeError;
  if (err?.name === 'AbortError' || err?.code === 'ABORT_ERR') return { code: 'CANCELLED', message: 'Cancelled.' };
  if (err?.code && UNAVAILABLE_CODES.has(err.code)) {
    return {
      code: 'ENGINE_UNAVAILABLE',
      message: `The Docker Engine is not reachable${err.address ? ` at ${err.address}` : ''} (${err.code}).`,
    };
  }
  if (err?.code === 'EACCES' || err?.code === 'EPERM') {
    return {
      code: 'PERMISSION_DENIED',
      message: `Permission denied talking to the Docker Engine${err.address ? ` at ${err.address}` : ''}.`,
    };
  }
  if (typeof err?.statusCode === 'number') {
    const message = engineMessage(err);
    switch (err.statusCode) {
      case 404:
        return { code: 'NOT_FOUND', message };
      case 409:
        return { code: 'CONFLICT', message };
      case 400:
        return { code: 'VALIDATION', message };
      case 401:
      case 403:
        return { code: 'PERMISSION_DENIED', message };
      default:
        if (isPortInUseMessage(message)) return { code: 'PORT_IN_USE', message };
        return { code: 'INTERNAL', message };
    }
  }
  return { code: 'INTERNAL', message: err?.message ?? String(error) };
}

/** Engine calls that answer 304 "already started/stopped" are a success for the user. */
export function isNotModified(error: unknown): boolean {
  return (error as DockerodeError)?.statusCode === 304;
}
