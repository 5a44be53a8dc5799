import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortholeCore } from '../../main/core';
import { discoverEngine, realDiscoveryEnv } from '../../main/engine/discovery';
import { ContextsStore } from '../../main/engines/contexts-store';
import { startBrowserHost, type BrowserHost } from '../../main/transports/browser-host';
import { startCore } from '../support/core';
import { uniqueName } from '../support/run-id';
import { connectWire } from '../support/ws-client';

const TOKEN = 'test-token-add-engine-0123456789abcdef0123';
/** One of this machine's own non-loopback addresses: a page arriving there is "from the network". */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

/** The browser host adds engines only for a page on its own machine: bound to loopback and reached over it. */
describe('browser host: adding an engine needs loopback', () => {
  let dir: string;
  let contexts: ContextsStore;
  let core: PortholeCore;
  const hosts: BrowserHost[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'porthole-add-engine-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>t</title>');
    contexts = new ContextsStore(join(dir, 'docker-config'));
    const local = realDiscoveryEnv();
    core = await startCore({ discover: () => discoverEngine({ ...local, env: { ...local.env, DOCKER_HOST: 'unix:///var/run/docker.sock' } }), engines: { contexts, settingsFile: null } });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(hosts.map((h) => h.close()));
    core?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const serve = async (host: string) => {
    const h = await startBrowserHost({ core, staticRoot: dir, host, token: TOKEN, log: () => {} });
    hosts.push(h);
    return h;
  };
  const addInput = (name: string) => ({ name, host: 'tcp://127.0.0.1:2376' });

  it('on loopback, a page over loopback sees it allowed and adds a context', async () => {
    const h = await serve('127.0.0.1');
    const wire = await connectWire(h.port, TOKEN);
    try {
      expect(await wire.invoke('engines:list', {})).toMatchObject({ ok: true, data: { addEngines: { allowed: true } } });
      const name = uniqueName('ph-add');
      expect(await wire.invoke('engines:create-context', addInput(name))).toMatchObject({ ok: true });
      expect(contexts.find(name)).toBeTruthy();
    } finally {
      await wire.close();
    }
  });

  it('bound off loopback, even a loopback page is refused in words, and nothing is written', async () => {
    const h = await serve('0.0.0.0');
    const wire = await connectWire(h.port, TOKEN);
    try {
      const listed = await wire.invoke('engines:list', {});
      expect(listed).toMatchObject({ ok: true, data: { addEngines: { allowed: false, reason: expect.stringContaining('listens on 0.0.0.0, not on loopback') } } });
      const name = uniqueName('ph-add');
      const refused = await wire.invoke('engines:create-context', addInput(name));
      expect(refused).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED', message: expect.stringMatching(/^Porthole refused to add an engine\. Engines can be added only from the machine Porthole runs on/) } });
      expect(contexts.find(name)).toBeFalsy();
      // Trusting an SSH host key admits an engine too.
      const trust = await wire.invoke('engines:trust-host-key', { id: 'context:whatever', fingerprint: `SHA256:${'A'.repeat(43)}` });
      expect(trust).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    } finally {
      await wire.close();
    }
  });

  it.skipIf(!lanAddress)('a page arriving from a non-loopback address is refused and told from where', async () => {
    const h = await serve('0.0.0.0');
    const wire = await connectWire(h.port, TOKEN, lanAddress);
    try {
      const refused = await wire.invoke('engines:create-context', addInput(uniqueName('ph-add')));
      expect(refused).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED', message: expect.stringContaining(`connected from ${lanAddress}`) } });
    } finally {
      await wire.close();
    }
  });
});
