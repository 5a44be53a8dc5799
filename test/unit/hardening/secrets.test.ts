import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../main/settings/store';
import { EncryptedFileSecretStore } from '../../../main/registry/encrypted-file-store';
import { realmRefusal, searchCatalog } from '../../../main/registry/catalog';

const dir = () => mkdtempSync(join(tmpdir(), 'porthole-secrets-'));

describe('Run dialog env values are not written in plain text (defect 6)', () => {
  it('the settings file keeps the names, never the values', () => {
    const d = dir();
    const store = new SettingsStore(d);
    store.rememberRun({ image: 'db:1', env: ['POSTGRES_PASSWORD=hunter2-secret', 'MODE=a=b'] }, 1);
    const text = readFileSync(join(d, 'settings.json'), 'utf8');
    expect(text).not.toContain('hunter2-secret');
    expect(text).not.toContain('a=b');
    expect(store.get().lastRun['db:1'].envNames).toEqual(['POSTGRES_PASSWORD', 'MODE']);
  });

  it('a file written by an older version is cleaned of its values when read', () => {
    const d = dir();
    writeFileSync(join(d, 'settings.json'), JSON.stringify({ lastRun: { 'db:1': { input: { image: 'db:1', env: ['PASSWORD=old-secret'] }, usedAtMs: 1 } } }));
    const store = new SettingsStore(d);
    expect(store.lastRunFor('db:1')?.env).toEqual([]);
    expect(readFileSync(join(d, 'settings.json'), 'utf8')).not.toContain('old-secret');
  });
});

describe('a corrupt credentials file (defect 6)', () => {
  it('is kept aside, not overwritten, and the store says so', async () => {
    const d = dir();
    const file = join(d, 'registry-credentials.bin');
    writeFileSync(file, 'garbage that does not decrypt');
    const store = new EncryptedFileSecretStore(file, { encrypt: (p) => Buffer.from(p), decrypt: () => { throw new Error('bad key'); } });
    expect(await store.keys()).toEqual([]);
    expect(store.notice).toMatch(/could not be read.*kept as/);
    const aside = readdirSync(d).find((n) => n.startsWith('registry-credentials.bin.unreadable-'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(d, aside!), 'utf8')).toBe('garbage that does not decrypt');
  });
});

describe('catalog search never sends Basic credentials to a foreign or plain-HTTP realm (defect 6)', () => {
  it('realmRefusal', () => {
    expect(realmRefusal('registry.example.com', new URL('https://registry.example.com/token'))).toBeNull();
    expect(realmRefusal('127.0.0.1:5000', new URL('http://127.0.0.1:5001/token'))).toBeNull();
    expect(realmRefusal('registry.example.com', new URL('https://evil.example/token'))).toMatch(/different host/);
    expect(realmRefusal('registry.example.com', new URL('http://registry.example.com/token'))).toMatch(/instead of https/);
    expect(realmRefusal('127.0.0.1:5000', new URL('http://localhost.evil.example/token'))).toMatch(/different host/);
  });

  let servers: Server[] = [];
  afterEach(() => {
    for (const s of servers) s.close();
    servers = [];
  });
  const listen = (handler: Parameters<typeof createServer>[1]) =>
    new Promise<number>((resolve) => {
      const server = createServer(handler);
      servers.push(server);
      server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
    });

  it('a registry naming a realm on another host gets no password (end to end on loopback)', async () => {
    const seen: (string | undefined)[] = [];
    const realmPort = await listen((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"t"}');
    });
    // "localhost" vs "127.0.0.1": another host name, as a foreign realm would be.
    const registryPort = await listen((_req, res) => {
      res.writeHead(401, { 'www-authenticate': `Bearer realm="http://localhost:${realmPort}/token",service="x"` }).end();
    });
    const search = searchCatalog(`127.0.0.1:${registryPort}`, '', 10, { username: 'ada', password: 'pw-secret', serveraddress: 'x' });
    await expect(search).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(/did not send it/) });
    expect(seen).toEqual([]);
  });
});
