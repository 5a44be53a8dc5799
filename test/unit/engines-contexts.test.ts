import { createHash, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContextsStore } from '../../main/engines/contexts-store';
import { KnownHosts, describeHostKey } from '../../main/engines/known-hosts';
import { applyContextOption } from '../../main/cli/context-option';
import { explainEngineFailure } from '../../main/engines/explain-failure';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'porthole-engines-unit-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('ContextsStore (the docker CLI on-disk format)', () => {
  it('creates, lists, uses and removes a context; TLS files live in the context’s own folder', async () => {
    const config = temp();
    const certs = temp();
    writeFileSync(join(certs, 'ca.pem'), 'CA');
    writeFileSync(join(config, 'config.json'), JSON.stringify({ auths: { x: {} } }));
    const store = new ContextsStore(config);
    await store.create({ name: 'remote', description: 'd', host: 'tcp://10.0.0.1:2376', tls: { ca: join(certs, 'ca.pem') }, skipTlsVerify: false });
    const digest = createHash('sha256').update('remote').digest('hex');
    const meta = JSON.parse(readFileSync(join(config, 'contexts', 'meta', digest, 'meta.json'), 'utf8'));
    expect(meta).toEqual({ Name: 'remote', Metadata: { Description: 'd' }, Endpoints: { docker: { Host: 'tcp://10.0.0.1:2376', SkipTLSVerify: false } } });
    expect(readFileSync(join(config, 'contexts', 'tls', digest, 'docker', 'ca.pem'), 'utf8')).toBe('CA');
    expect(store.list()).toMatchObject([{ name: 'remote', host: 'tcp://10.0.0.1:2376', tlsDir: join(config, 'contexts', 'tls', digest, 'docker') }]);
    await expect(store.create({ name: 'remote', description: '', host: 'unix:///x', skipTlsVerify: false })).rejects.toMatchObject({ code: 'CONFLICT' });

    await store.use('remote');
    expect(JSON.parse(readFileSync(join(config, 'config.json'), 'utf8'))).toEqual({ auths: { x: {} }, currentContext: 'remote' });
    expect(store.current({})).toBe('remote');
    expect(store.current({ DOCKER_CONTEXT: 'other' })).toBe('other');
    await expect(store.remove('remote')).rejects.toMatchObject({ code: 'CONFLICT' });
    await store.use(null);
    await store.remove('remote');
    expect(store.list()).toEqual([]);
    expect(existsSync(join(config, 'contexts', 'tls', digest))).toBe(false);
  });

  it('skips a broken meta file and refuses a missing TLS file', async () => {
    const config = temp();
    const store = new ContextsStore(config);
    await store.create({ name: 'ok', description: '', host: 'unix:///run/x.sock', skipTlsVerify: false });
    const broken = join(config, 'contexts', 'meta', 'broken');
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, 'meta.json'), '{nope');
    expect(store.list().map((c) => c.name)).toEqual(['ok']);
    await expect(store.create({ name: 'bad', description: '', host: 'tcp://h:1', tls: { ca: '/nonexistent/ca.pem' }, skipTlsVerify: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('KnownHosts', () => {
  const blob = () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
    const type = Buffer.from('ssh-ed25519');
    const b = Buffer.alloc(4 + type.length + 4 + raw.length);
    b.writeUInt32BE(type.length, 0);
    type.copy(b, 4);
    b.writeUInt32BE(raw.length, 4 + type.length);
    raw.copy(b, 8 + type.length);
    return b;
  };

  it('says unknown, then known after add; a different key for the host is "changed"', async () => {
    const file = join(temp(), 'known_hosts');
    const hosts = new KnownHosts(file);
    const key = describeHostKey(blob());
    expect(key.keyType).toBe('ssh-ed25519');
    expect(key.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(hosts.check('127.0.0.1', 2222, key)).toBe('unknown');
    await hosts.add('127.0.0.1', 2222, key);
    expect(readFileSync(file, 'utf8')).toContain('[127.0.0.1]:2222 ssh-ed25519 ');
    expect(hosts.check('127.0.0.1', 2222, key)).toBe('known');
    expect(hosts.check('127.0.0.1', 22, key)).toBe('unknown');
    expect(hosts.check('127.0.0.1', 2222, describeHostKey(blob()))).toBe('changed');
  });
});

describe('porthole --context', () => {
  it('sets DOCKER_CONTEXT over DOCKER_HOST, and names the known contexts when it does not exist', async () => {
    const store = new ContextsStore(temp());
    await store.create({ name: 'box', description: '', host: 'unix:///x.sock', skipTlsVerify: false });
    const env: NodeJS.ProcessEnv = { DOCKER_HOST: 'tcp://x:1' };
    expect(applyContextOption(['--context', 'box', 'compare', '--json'], env, store)).toEqual({ argv: ['compare', '--json'] });
    expect(env).toEqual({ DOCKER_CONTEXT: 'box' });
    expect(applyContextOption(['-c', 'nope', 'serve'], {}, store)).toEqual({ error: expect.stringContaining('known: default, box') });
    expect(applyContextOption(['serve'], {}, store)).toEqual({ argv: ['serve'] });
  });
});

describe('explainEngineFailure', () => {
  it('names the side of TLS that refused', () => {
    expect(explainEngineFailure(Object.assign(new Error('unable to verify the first certificate'), { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }), 'tcp://h:1').message).toMatch(/untrusted CA/);
    expect(explainEngineFailure(new Error('tlsv1 alert unknown ca'), 'tcp://h:1').message).toMatch(/client certificate/);
    expect(explainEngineFailure(new Error('All configured authentication methods failed'), 'ssh://h').message).toMatch(/refused the key/);
  });
});
