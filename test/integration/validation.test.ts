import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortholeCore } from '../../main/core';
import { startCore } from '../support/core';
import { SocketProxy } from '../support/socket-proxy';
import { openStream } from '../support/api-stream';
import { makeContext } from '../support/engine';

const ctx = { connectionId: 'validation-test' };
const TEN_MB = 'a'.repeat(10 * 1024 * 1024);

/**
 * Invalid input never reaches dockerode: the core talks to the engine only through a socket we
 * control, which records every request; invalid calls must leave no trace there.
 */
describe('invalid input is refused before the engine', () => {
  let proxy: SocketProxy;
  let core: PortholeCore;
  let context: string;

  beforeAll(async () => {
    proxy = await SocketProxy.start();
    core = await startCore({ discover: proxy.discover });
    context = await makeContext({ Dockerfile: 'FROM scratch\n' });
  });
  afterAll(async () => {
    core?.stop();
    await proxy?.dispose();
  });

  it('the recording socket really sees the core’s traffic', () => {
    expect(proxy.requests.some((r) => r.includes('/_ping'))).toBe(true);
  });

  it.each([
    ['wrong type', 'containers:list', { all: 'yes' }],
    ['10 MB string', 'containers:inspect', { id: TEN_MB }],
    ['10 MB string in an array', 'containers:action', { ids: [TEN_MB], action: 'stop' }],
    ['unknown action', 'containers:action', { ids: ['abc'], action: 'explode' }],
    ['unknown channel', 'containers:exec', { id: 'abc', cmd: ['sh'] }],
    ['non-string channel', 42, {}],
    ['extra field', 'images:remove', { id: 'abc', force: true, prune: true }],
    ['invalid image reference', 'containers:run', { image: 'Not:A:Ref' }],
    ['array instead of object', 'containers:list', [true]],
    ['injection in an id', 'containers:inspect', { id: '../../etc/passwd' }],
  ])('%s → VALIDATION, nothing sent', async (_what, channel, input) => {
    proxy.resetRecord();
    const before = proxy.connections.length;
    const result = await core.router.invoke(channel, input, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.any(String) } });
    expect((result as { error: { message: string } }).error.message.length).toBeLessThan(2000);
    expect(proxy.requests).toEqual([]);
    expect(proxy.connections.length).toBe(before);
  });

  it.each([
    ['bad stream params', 'containers:logs', { id: 'abc', tail: 'all' }],
    ['10 MB stream param', 'containers:stats', { id: TEN_MB }],
    ['unknown stream channel', 'containers:exec', { id: 'abc' }],
    ['invalid build tag', 'images:build', { context: '/tmp', tag: 'UPPER/Case' }],
  ])('stream with %s → VALIDATION, nothing sent', async (_what, channel, params) => {
    proxy.resetRecord();
    const stream = openStream(core, channel as 'containers:logs', params, ctx.connectionId);
    expect(await stream.finished).toMatchObject({ kind: 'error', error: { code: 'VALIDATION' } });
    expect(stream.data).toEqual([]);
    expect(proxy.requests).toEqual([]);
  });

  it('a build of a missing folder is refused before anything is sent', async () => {
    proxy.resetRecord();
    const stream = openStream(core, 'images:build', { context: `${context}/does-not-exist`, tag: 'porthole-never-built' }, ctx.connectionId);
    expect(await stream.finished).toMatchObject({ kind: 'error', error: { code: 'VALIDATION', message: expect.stringContaining('does not exist') } });
    expect(proxy.requests).toEqual([]);
  });

  it('a valid call does reach the engine through the same socket', async () => {
    proxy.resetRecord();
    const result = await core.router.invoke('containers:list', { all: true }, ctx);
    expect(result.ok).toBe(true);
    expect(proxy.requests).toEqual([expect.stringMatching(/^GET \S*\/containers\/json\?all=true HTTP\/1\.1$/)]);
  });
});
