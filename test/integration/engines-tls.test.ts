import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortholeCore } from '../../main/core';
import { ContextsStore } from '../../main/engines/contexts-store';
import type { EngineEvent } from '../../shared/dto';
import { invoke, invokeOk } from '../support/api';
import { openStream, until } from '../support/api-stream';
import { startCore } from '../support/core';
import { busyboxImage, docker as localDocker } from '../support/engine';
import { testLabels } from '../support/run-id';
import { startSecondDockerd, type SecondDockerd } from '../support/second-dockerd';
import { discoverEngine, realDiscoveryEnv } from '../../main/engine/discovery';

const exec = promisify(execFile);

/** Another CA and a client certificate it signed: right shape, wrong trust. */
async function foreignTls(dir: string): Promise<{ ca: string; cert: string; key: string }> {
  const f = (n: string) => join(dir, n);
  const run = (...args: string[]) => exec('openssl', args);
  await run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=foreign-ca', '-keyout', f('ca-key.pem'), '-out', f('ca.pem'));
  await run('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=client', '-keyout', f('key.pem'), '-out', f('client.csr'));
  await run('x509', '-req', '-days', '1', '-in', f('client.csr'), '-CA', f('ca.pem'), '-CAkey', f('ca-key.pem'), '-CAcreateserial', '-out', f('cert.pem'));
  return { ca: f('ca.pem'), cert: f('cert.pem'), key: f('key.pem') };
}

describe('engines: a second dockerd over tcp:// with mutual TLS, as a docker CLI context', () => {
  let second: SecondDockerd;
  let core: PortholeCore;
  let configDir: string;
  let scratch: string;
  const host = () => `tcp://127.0.0.1:${second.tcp!.port}`;

  beforeAll(async () => {
    second = await startSecondDockerd('engines-tls', { tcpTls: true });
    configDir = await mkdtemp(join(tmpdir(), 'porthole-docker-config-'));
    scratch = await mkdtemp(join(tmpdir(), 'porthole-foreign-tls-'));
    const contexts = new ContextsStore(configDir);
    const tls = second.tcp!.tls;
    await contexts.create({ name: 'ph-tls', description: 'test', host: host(), tls: { ca: join(tls.certDir, 'ca.pem'), cert: join(tls.certDir, 'cert.pem'), key: join(tls.certDir, 'key.pem') }, skipTlsVerify: false });
    const foreign = await foreignTls(scratch);
    await contexts.create({ name: 'ph-untrusted-ca', description: '', host: host(), tls: { ca: foreign.ca, cert: join(tls.certDir, 'cert.pem'), key: join(tls.certDir, 'key.pem') }, skipTlsVerify: false });
    await contexts.create({ name: 'ph-wrong-cert', description: '', host: host(), tls: { ca: join(tls.certDir, 'ca.pem'), cert: foreign.cert, key: foreign.key }, skipTlsVerify: false });
    // The image the circle runs, loaded into the second engine from the shared one.
    const tar = await localDocker.getImage(busyboxImage()).get();
    const load = await second.docker.loadImage(tar);
    await new Promise((resolve, reject) => second.docker.modem.followProgress(load, (err) => (err ? reject(err) : resolve(null))));
    const local = realDiscoveryEnv();
    core = await startCore({
      discover: () => discoverEngine({ ...local, env: { ...local.env, DOCKER_HOST: 'unix:///var/run/docker.sock', DOCKER_CONTEXT: '' } }),
      engines: { contexts, settingsFile: null },
    });
  }, 180_000);

  afterAll(async () => {
    core?.stop();
    await second?.stop();
    await rm(configDir, { recursive: true, force: true });
    await rm(scratch, { recursive: true, force: true });
  });

  it('writes contexts the docker CLI reads', async () => {
    const { stdout } = await exec('docker', ['--config', configDir, 'context', 'ls', '--format', '{{.Name}} {{.DockerEndpoint}}']);
    expect(stdout).toContain(`ph-tls ${host()}`);
  });

  it('lists the TLS engine as connected and says which side of the TLS refused for the bad ones', async () => {
    const list = await invokeOk(core, 'engines:list', {});
    const byId = new Map(list.engines.map((e) => [e.id, e]));
    expect(byId.get('context:ph-tls')?.status).toMatchObject({ state: 'connected', apiVersion: expect.any(String) });
    const untrusted = byId.get('context:ph-untrusted-ca')?.status;
    expect(untrusted?.state).toBe('unreachable');
    expect(untrusted?.state === 'unreachable' && untrusted.reason).toMatch(/untrusted CA/);
    const wrongCert = byId.get('context:ph-wrong-cert')?.status;
    expect(wrongCert?.state).toBe('unreachable');
    expect(wrongCert?.state === 'unreachable' && wrongCert.reason).toMatch(/client certificate/);
  });

  it('switches: the old streams end, lists show only the new engine, run and events work there', async () => {
    const logs = await invokeOk(core, 'containers:run', { image: busyboxImage(), command: ['/bin/busybox', 'sleep', '600'], labels: testLabels() });
    const localId = logs.id;
    const stream = openStream(core, 'containers:logs', { id: localId, follow: true });
    const switched = await invokeOk(core, 'engines:switch', { id: 'context:ph-tls' });
    expect(switched.currentId).toBe('context:ph-tls');
    expect(core.connection.status).toMatchObject({ state: 'connected', endpoint: host() });
    const ended = await stream.finished;
    expect(ended).toMatchObject({ kind: 'error', error: { code: 'ENGINE_UNAVAILABLE', message: expect.stringMatching(/switched/) } });

    const events: EngineEvent[] = [];
    core.connection.on('event', (e) => events.push(e));
    const ran = await invokeOk(core, 'containers:run', { image: busyboxImage(), command: ['/bin/busybox', 'sleep', '600'], labels: testLabels() });
    await until(() => events.some((e) => e.id === ran.id), 10_000, 'the start event from the TLS engine');
    const listed = await invokeOk(core, 'containers:list', { all: true });
    const ids = listed.map((c) => c.id);
    expect(ids).toContain(ran.id);
    expect(ids).not.toContain(localId);

    const back = await invokeOk(core, 'engines:switch', { id: 'socket:/var/run/docker.sock' });
    expect(back.currentId).toBe('socket:/var/run/docker.sock');
    const localList = (await invokeOk(core, 'containers:list', { all: true })).map((c) => c.id);
    expect(localList).toContain(localId);
    expect(localList).not.toContain(ran.id);
    await localDocker.getContainer(localId).remove({ force: true });
  });

  it('refuses an unknown engine id with a typed error', async () => {
    const result = await invoke(core, 'engines:switch', { id: 'context:nope' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
