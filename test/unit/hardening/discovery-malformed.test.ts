import { describe, expect, it } from 'vitest';
import { discoverEngine, type DiscoveryEnv } from '../../../main/engine/discovery';
import { EngineConnection } from '../../../main/engine/connection';
import type { EngineStatus } from '../../../shared/dto';

const machine = (env: NodeJS.ProcessEnv, files: Record<string, string> = {}): DiscoveryEnv => ({
  env,
  platform: 'linux',
  home: '/home/ada',
  exists: (p) => p in files,
  readText: (p) => files[p] ?? null,
  listDir: (dir) => Object.keys(files).filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1).split('/')[0]),
});

describe('a malformed engine address (defect 2)', () => {
  it.each(['foo', 'tcp://', 'unix://', 'http://[::1', '::::', 'ftp://host'])('DOCKER_HOST=%s is reported, not thrown', (value) => {
    const found = discoverEngine(machine({ DOCKER_HOST: value }));
    expect(found.target).toBeNull();
    expect(found.problem).toContain('DOCKER_HOST');
    expect(found.problem).toContain(JSON.stringify(value));
    expect(found.problem).toMatch(/unix:\/\//);
  });

  it('a context whose endpoint is malformed names the context and where it was chosen', () => {
    const found = discoverEngine(
      machine({ DOCKER_CONTEXT: 'broken' }, { '/home/ada/.docker/contexts/meta/x/meta.json': JSON.stringify({ Name: 'broken', Endpoints: { docker: { Host: 'bar' } } }) }),
    );
    expect(found.problem).toMatch(/docker context "broken".*DOCKER_CONTEXT/);
  });

  it('the connection reports it as the unavailable reason and keeps retrying', async () => {
    const connection = new EngineConnection({ discover: () => discoverEngine(machine({ DOCKER_HOST: 'foo' })), backoff: { initialMs: 20, maxMs: 20 } });
    const seen: EngineStatus[] = [];
    connection.on('status', (s) => seen.push(s));
    connection.start();
    await new Promise((r) => setTimeout(r, 100));
    connection.stop();
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[0]).toMatchObject({ state: 'unavailable', reason: expect.stringContaining('"foo"') });
    expect(() => connection.client()).toThrow(/DOCKER_HOST/);
  });
});
