import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineStatus } from '../../shared/dto';
import type { EngineConnection } from '../../main/engine/connection';
import { ContextsStore } from '../../main/engines/contexts-store';
import { EngineRegistry } from '../../main/engines/engine-registry';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Two contexts and nothing else (no sockets found); a stand-in connection that answers each retarget at once. */
async function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'porthole-probe-sharing-'));
  dirs.push(dir);
  const contexts = new ContextsStore(dir);
  await contexts.create({ name: 'a', description: '', host: 'unix:///nonexistent/a.sock', skipTlsVerify: false });
  await contexts.create({ name: 'b', description: '', host: 'unix:///nonexistent/b.sock', skipTlsVerify: false });
  const registry = new EngineRegistry({
    contexts,
    settingsFile: null,
    discover: () => ({ target: null, tried: [] }),
    discoveryEnv: () => ({ env: {}, platform: 'linux', home: dir, exists: () => false, readText: () => null, listDir: () => [] }),
  });
  class StandInConnection extends EventEmitter {
    status: EngineStatus = { state: 'connecting', endpoint: '', source: '' };
    retarget(): void {
      const endpoint = registry.resolve().target?.endpoint ?? '';
      this.status = { state: 'connected', endpoint, source: 'test', version: '20.10.24', apiVersion: '1.41' };
      queueMicrotask(() => this.emit('status', this.status));
    }
  }
  const connection = new StandInConnection();
  registry.attach(connection as unknown as EngineConnection);
  const probe = vi.spyOn(registry, 'probe');
  return { registry, probe };
}

describe('engine registry: probes of the engines not in use', () => {
  it('lists asked for at the same moment share one probe per engine', async () => {
    const { registry, probe } = await setUp();
    const lists = await Promise.all([registry.list(), registry.list(), registry.list()]);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(lists.every((l) => l.engines.every((e) => e.status.state === 'unreachable'))).toBe(true);
  });

  it('a switch does not probe the engine it left: its connection just answered', async () => {
    const { registry, probe } = await setUp();
    await registry.switchTo('context:a');
    probe.mockClear();
    const after = await registry.switchTo('context:b');
    expect(probe.mock.calls.map(([def]) => def.id)).not.toContain('context:a');
    expect(after.engines.find((e) => e.id === 'context:a')?.status).toEqual({ state: 'connected', version: '20.10.24', apiVersion: '1.41' });
    expect(after.engines.find((e) => e.id === 'context:b')).toMatchObject({ current: true, status: { state: 'connected' } });
  });
});
