import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { engineMessage, isNotModified, isPortInUseMessage, toApiError } from '../../main/engine/errors';
import { PortholeError } from '../../shared/errors';

/** The shape dockerode (docker-modem) rejects with for an HTTP error answer. */
function httpError(statusCode: number, message: string): Error {
  return Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - ${message} `), { statusCode, reason: 'x', json: { message } });
}

function systemError(code: string, address?: string): Error {
  return Object.assign(new Error(`connect ${code} ${address ?? ''}`), { code, errno: -1, syscall: 'connect', address });
}

describe('toApiError', () => {
  it('maps engine HTTP statuses to stable codes, keeping the engine’s own words', () => {
    expect(toApiError(httpError(404, 'No such container: abc'))).toEqual({ code: 'NOT_FOUND', message: 'No such container: abc' });
    expect(toApiError(httpError(409, 'conflict: unable to remove repository reference "app" (must force) - container 1234 is using its referenced image'))).toMatchObject({ code: 'CONFLICT' });
    expect(toApiError(httpError(400, 'invalid reference format'))).toEqual({ code: 'VALIDATION', message: 'invalid reference format' });
    expect(toApiError(httpError(403, 'forbidden'))).toMatchObject({ code: 'PERMISSION_DENIED' });
    expect(toApiError(httpError(500, 'something broke'))).toEqual({ code: 'INTERNAL', message: 'something broke' });
  });

  it('recognises a port clash inside a 500', () => {
    const msg =
      'driver failed programming external connectivity on endpoint web (1a2b): Bind for 0.0.0.0:8080 failed: port is already allocated';
    expect(toApiError(httpError(500, msg))).toEqual({ code: 'PORT_IN_USE', message: msg });
    expect(toApiError(httpError(500, 'listen tcp4 127.0.0.1:3000: bind: address already in use')).code).toBe('PORT_IN_USE');
  });

  it('maps socket errors: ECONNREFUSED and ENOENT → ENGINE_UNAVAILABLE, EACCES → PERMISSION_DENIED', () => {
    const refused = toApiError(systemError('ECONNREFUSED', '/var/run/docker.sock'));
    expect(refused.code).toBe('ENGINE_UNAVAILABLE');
    expect(refused.message).toContain('/var/run/docker.sock');
    expect(toApiError(systemError('ENOENT', '/nope.sock')).code).toBe('ENGINE_UNAVAILABLE');
    const denied = toApiError(systemError('EACCES', '/var/run/docker.sock'));
    expect(denied.code).toBe('PERMISSION_DENIED');
    expect(denied.message).toContain('/var/run/docker.sock');
  });

  it('maps an aborted request to CANCELLED', () => {
    const abort = new AbortController();
    abort.abort();
    expect(toApiError(abort.signal.reason).code).toBe('CANCELLED');
    expect(toApiError(Object.assign(new Error('The operation was aborted'), { name: 'AbortError' })).code).toBe('CANCELLED');
    expect(toApiError(Object.assign(new Error('aborted'), { code: 'ABORT_ERR' })).code).toBe('CANCELLED');
  });

  it('maps a ZodError to VALIDATION with the path of each issue', () => {
    const parsed = z.object({ id: z.string(), n: z.number() }).safeParse({ id: 5, n: 'x' });
    expect(parsed.success).toBe(false);
    const error = toApiError(parsed.error);
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/^id: .*; n: /);
    expect(error.detail).toEqual([
      { path: ['id'], message: expect.any(String) },
      { path: ['n'], message: expect.any(String) },
    ]);
  });

  it('passes a PortholeError through and falls back to INTERNAL', () => {
    expect(toApiError(new PortholeError('BUILD_FAILED', 'boom', { output: 'x' }))).toEqual({ code: 'BUILD_FAILED', message: 'boom', detail: { output: 'x' } });
    expect(toApiError(new Error('weird'))).toEqual({ code: 'INTERNAL', message: 'weird' });
    expect(toApiError('a string')).toEqual({ code: 'INTERNAL', message: 'a string' });
    expect(toApiError(undefined).code).toBe('INTERNAL');
  });

  it('engineMessage strips dockerode’s prefix when there is no JSON body', () => {
    expect(engineMessage(Object.assign(new Error('(HTTP code 404) no such container - No such container: x '), { json: null }))).toBe('No such container: x');
    expect(engineMessage(Object.assign(new Error('ignored'), { json: 'plain text body\n' }))).toBe('plain text body');
  });

  it('isNotModified and isPortInUseMessage', () => {
    expect(isNotModified(httpError(304, ''))).toBe(true);
    expect(isNotModified(httpError(404, ''))).toBe(false);
    expect(isNotModified(null)).toBe(false);
    expect(isPortInUseMessage('Bind for 0.0.0.0:80 failed: port is already allocated')).toBe(true);
    expect(isPortInUseMessage('No such image')).toBe(false);
  });
});
