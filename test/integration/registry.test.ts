import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type PortholeCore } from '../../main/core';
import { headlessHost } from '../../main/host/host-adapter';
import { EncryptedFileSecretStore, type Encryptor } from '../../main/registry/encrypted-file-store';
import { findFreePort } from '../../main/lib/ports';
import type { TransferProgress } from '../../shared/api/registry';
import { buildLabelledImage, busyboxImage, dockerCli, RUN_ID } from '../support/engine';
import { deleteFromRegistry } from '../support/base-images';
import { invoke } from '../support/api';
import { collectStream } from '../support/api-stream';
import { EngineFront } from '../support/engine-front';
import type { ServerResponse } from 'node:http';

const exec = promisify(execFile);
const REPO = `127.0.0.1:5000/porthole-test-${RUN_ID}/app`;
const REF = `${REPO}:1`;
const PASSWORD = `pw-${randomBytes(9).toString('hex')}`;
const USER = 'porthole';

/** A stand-in for the OS keychain: AES-256-GCM with a key that lives only in this process. */
function testEncryptor(): Encryptor {
  const key = randomBytes(32);
  return {
    encrypt: (plain) => {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt: (cipher) => {
      const d = createDecipheriv('aes-256-gcm', key, cipher.subarray(0, 12));
      d.setAuthTag(cipher.subarray(12, 28));
      return Buffer.concat([d.update(cipher.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

/** An image with two layers of its own (no layer shared with the run's base image), so a pull downloads both. */
const buildTwoLayerImage = (tag: string) =>
  buildLabelledImage(tag, {
    Dockerfile: 'FROM scratch\nCOPY busybox /bin/bb\nCOPY hello.txt /srv/hello.txt\nCMD ["/bin/bb", "httpd", "-f", "-p", "8080", "-h", "/srv"]\n',
    'hello.txt': `hello from ${RUN_ID}\n`,
  });

const removeLocal = (ref: string) => dockerCli('rmi', ref).catch(() => '');

let core: PortholeCore;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'porthole-data-'));
  process.env.PORTHOLE_DATA_DIR = dataDir;
  const secrets = new EncryptedFileSecretStore(join(dataDir, 'registry-credentials.bin'), testEncryptor());
  core = createCore({ ...headlessHost(), secrets });
  await core.connection.waitUntilConnected(15_000);
  await buildTwoLayerImage(REF);
});

afterAll(async () => {
  core?.stop();
  await removeLocal(REF);
  await deleteFromRegistry(`porthole-test-${RUN_ID}/app`, '1');
  delete process.env.PORTHOLE_DATA_DIR;
  await rm(dataDir, { recursive: true, force: true });
});

describe('push and pull against the local registry', () => {
  /** Pushes or pulls REF; checks it ended without error, done, at 100 %, with both layers; gives every event and the last. */
  async function transferTwoLayers(channel: 'images:push' | 'images:pull'): Promise<{ events: TransferProgress[]; last: TransferProgress }> {
    const transfer = await collectStream(core, channel, { reference: REF });
    expect(transfer.error).toBeNull();
    const last = transfer.events.at(-1)!;
    expect(last.done).toBe(true);
    expect(last.percent).toBe(100);
    expect(last.layers.length).toBeGreaterThanOrEqual(2);
    return { events: transfer.events, last };
  }

  it('pushes a two-layer image with per-layer progress, then pulls it back to 100 %', async () => {
    const { last: pushed } = await transferTwoLayers('images:push');
    expect(pushed.digest).toMatch(/^sha256:[0-9a-f]{64}$/);

    await dockerCli('rmi', REF);
    await expect(dockerCli('image', 'inspect', REF)).rejects.toThrow();

    const pull = await transferTwoLayers('images:pull');
    const { last } = pull;
    expect(last.layers.every((l) => l.phase === 'complete' && l.fraction === 1)).toBe(true);
    expect(last.digest).toBe(pushed.digest);
    // Each layer was seen downloading or extracting with byte counts on the way, and the total rose.
    const seen = new Map<string, Set<string>>();
    for (const e of pull.events) for (const l of e.layers) seen.set(l.id, (seen.get(l.id) ?? new Set()).add(l.phase));
    expect(seen.size).toBe(last.layers.length);
    for (const phases of seen.values()) expect(phases.has('complete')).toBe(true);
    const percents = pull.events.map((e: TransferProgress) => e.percent);
    expect(percents.some((p) => p < 100)).toBe(true);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    expect(last.bytesTotal).toBeGreaterThan(500_000);
    expect(last.bytesCurrent).toBe(last.bytesTotal);
    expect(await dockerCli('image', 'inspect', '--format', '{{.Id}}', REF)).toMatch(/^sha256:/);

    const history = await invoke(core, 'images:history', { id: REF });
    expect(history.ok).toBe(true);
    if (history.ok) {
      expect(history.data.some((h) => h.createdBy.includes('hello.txt'))).toBe(true);
      expect(history.data.filter((h) => h.sizeBytes > 0).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('fails a pull of an unknown tag with the registry\'s words, never a silent success', async () => {
    const pull = await collectStream(core, 'images:pull', { reference: `${REPO}:does-not-exist` });
    expect(pull.error?.code).toBe('NOT_FOUND');
    expect(pull.error?.message).toMatch(/manifest unknown|not found/i);
    expect(pull.events.some((e) => e.done)).toBe(false);
  });

  it('tags an image under a new name', async () => {
    const target = `porthole-test-${RUN_ID}/tagged:2`;
    const r = await invoke(core, 'images:tag', { source: busyboxImage(), target });
    expect(r).toEqual({ ok: true, data: { reference: target } });
    expect(await dockerCli('image', 'inspect', '--format', '{{.Id}}', target)).toBe(await dockerCli('image', 'inspect', '--format', '{{.Id}}', busyboxImage()));
    await removeLocal(target);
  });

  it('Docker Hub search: offline gives NETWORK in words; online gives the rows (both answered by an engine front, so no internet is assumed either way)', async () => {
    const front = await EngineFront.start();
    const fronted = createCore(headlessHost(), { discover: front.discover });
    try {
      await fronted.connection.waitUntilConnected(15_000);
      const json = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
      front.route = (req, res) => {
        if (!/\/images\/search/.test(req.url ?? '')) return false;
        json(res, 500, { message: 'Get "https://index.docker.io/v1/search?q=nginx&n=25": dial tcp: lookup index.docker.io on 127.0.0.53:53: no such host' });
        return true;
      };
      const offline = await invoke(fronted, 'registry:search', { term: 'nginx' });
      expect(offline).toMatchObject({ ok: false, error: { code: 'NETWORK', message: expect.stringContaining('could not reach Docker Hub') } });

      front.route = (req, res) => {
        if (!/\/images\/search/.test(req.url ?? '')) return false;
        json(res, 200, [{ name: 'nginx', description: 'Official build of Nginx.', star_count: 20000, is_official: true, is_automated: false }]);
        return true;
      };
      const online = await invoke(fronted, 'registry:search', { term: 'nginx' });
      expect(online).toEqual({ ok: true, data: [{ name: 'nginx', description: 'Official build of Nginx.', stars: 20000, official: true, registry: 'docker.io' }] });
      expect(front.seen.filter((r) => r.includes('/images/search'))).toHaveLength(2);
    } finally {
      fronted.stop();
      await front.dispose();
    }
  });
});

describe('a registry that requires sign-in', () => {
  let port = 0;
  let registryData = '';
  let base = '';
  const repo = `porthole-test-${RUN_ID}/private`;
  let ref = '';

  beforeAll(async () => {
    port = (await findFreePort(5001, '127.0.0.1')) ?? 0;
    if (!port) throw new Error('no free port from 5001 for the sign-in registry');
    registryData = await mkdtemp(join(tmpdir(), 'porthole-registry-auth-'));
    const htpasswd = join(registryData, 'htpasswd');
    await writeFile(htpasswd, `${USER}:${bcrypt.hashSync(PASSWORD, 10)}\n`);
    await exec('bash', ['scripts/registry.sh'], { env: { ...process.env, AUTH: 'htpasswd', HTPASSWD_FILE: htpasswd, PORT: String(port), DATA: registryData } });
    base = `http://127.0.0.1:${port}`;
    ref = `127.0.0.1:${port}/${repo}:1`;
    await dockerCli('tag', busyboxImage(), ref);
  });

  afterAll(async () => {
    await removeLocal(ref);
    // Stop exactly the registry this suite started: the one serving our own config file.
    const { stdout } = await exec('pgrep', ['-f', `docker-registry serve ${registryData}/config.yml`]).catch(() => ({ stdout: '' }));
    for (const pid of stdout.split('\n').filter(Boolean)) process.kill(Number(pid), 'SIGTERM');
    await rm(registryData, { recursive: true, force: true });
  });

  it('refuses without credentials, refuses a wrong password, accepts the right one, and keeps no secret in clear', async () => {
    const anonymous = await collectStream(core, 'images:push', { reference: ref });
    expect(anonymous.error?.code).toBe('UNAUTHORIZED');
    expect(anonymous.error?.message).toMatch(/auth|denied|unauthorized/i);

    const wrong = await invoke(core, 'registry:sign-in', { registry: `127.0.0.1:${port}`, username: USER, secret: 'wrong-password' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.code).toBe('UNAUTHORIZED');
    expect(await invoke(core, 'registry:list', {})).toEqual({ ok: true, data: [] });

    const signIn = await invoke(core, 'registry:sign-in', { registry: `127.0.0.1:${port}`, username: USER, secret: PASSWORD });
    expect(signIn).toEqual({ ok: true, data: { registry: `127.0.0.1:${port}`, username: USER, signedIn: true } });
    const accounts = await invoke(core, 'registry:list', {});
    expect(JSON.stringify(accounts)).not.toContain(PASSWORD);

    const push = await collectStream(core, 'images:push', { reference: ref });
    expect(push.error).toBeNull();
    expect(push.events.at(-1)?.percent).toBe(100);

    await dockerCli('rmi', ref);
    const pull = await collectStream(core, 'images:pull', { reference: ref });
    expect(pull.error).toBeNull();
    expect(pull.events.at(-1)?.done).toBe(true);

    const catalog = await invoke(core, 'registry:search', { term: 'private', registry: `127.0.0.1:${port}` });
    expect(catalog).toEqual({ ok: true, data: [{ name: `127.0.0.1:${port}/${repo}`, description: '', registry: `127.0.0.1:${port}` }] });

    // What Porthole wrote holds the secret only as ciphertext.
    const files = await readdir(dataDir, { recursive: true });
    expect(files).toContain('registry-credentials.bin');
    for (const f of files) {
      const bytes = await readFile(join(dataDir, f)).catch(() => Buffer.alloc(0));
      expect(bytes.includes(PASSWORD)).toBe(false);
      expect(bytes.includes(Buffer.from(PASSWORD).toString('base64'))).toBe(false);
      expect(bytes.includes(USER)).toBe(false);
    }

    const out = await invoke(core, 'registry:sign-out', { registry: `127.0.0.1:${port}` });
    expect(out).toEqual({ ok: true, data: { registry: `127.0.0.1:${port}`, signedOut: true } });
    const afterOut = await invoke(core, 'registry:search', { term: '', registry: `127.0.0.1:${port}` });
    expect(!afterOut.ok && afterOut.error.code).toBe('UNAUTHORIZED');
    await deleteFromRegistry(repo, '1', { base, auth: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` });
  });
});
