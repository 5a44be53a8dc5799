import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortholeCore } from '../../main/core';
import { ContextsStore } from '../../main/engines/contexts-store';
import { EngineRegistry } from '../../main/engines/engine-registry';
import { KnownHosts } from '../../main/engines/known-hosts';
import { discoverEngine, realDiscoveryEnv } from '../../main/engine/discovery';
import { invokeOk } from '../support/api';
import { startCore } from '../support/core';
import { runBusybox, docker as localDocker } from '../support/engine';
import { uniqueName } from '../support/run-id';
import { freeLoopbackPort as freePort } from '../../main/vm/free-port';

const exec = promisify(execFile);

function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tryOnce = () => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > until) reject(new Error(`sshd did not listen on ${port}`));
        else setTimeout(tryOnce, 100);
      });
    };
    tryOnce();
  });
}

/** Debian's sshd on a loopback test port, with its own host key and authorized_keys; the machine's sshd is untouched. */
describe('engines: ssh://root@127.0.0.1:PORT through openssh-server', () => {
  let dir: string;
  let sshd: ChildProcess;
  let port: number;
  let core: PortholeCore;
  let contexts: ContextsStore;
  let knownHosts: KnownHosts;
  const containerName = uniqueName('ph-ssh');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'porthole-sshd-'));
    const key = (name: string) => exec('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', join(dir, name)]);
    await Promise.all([key('host_key'), key('client_key'), key('stranger_key')]);
    await writeFile(join(dir, 'authorized_keys'), await readFile(join(dir, 'client_key.pub')), { mode: 0o600 });
    port = await freePort();
    const config = [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host_key')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      'PermitRootLogin prohibit-password',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'StrictModes no',
    ].join('\n');
    await writeFile(join(dir, 'sshd_config'), `${config}\n`);
    await mkdir('/run/sshd', { recursive: true }); // sshd's privilege-separation folder
    sshd = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
    await waitForPort(port);

    contexts = new ContextsStore(join(dir, 'docker-config'));
    await contexts.create({ name: 'ph-ssh', description: '', host: `ssh://root@127.0.0.1:${port}`, skipTlsVerify: false });
    knownHosts = new KnownHosts(join(dir, 'known_hosts'));
    await runBusybox(containerName);
    const local = realDiscoveryEnv();
    core = await startCore({
      discover: () => discoverEngine({ ...local, env: { ...local.env, DOCKER_HOST: 'unix:///var/run/docker.sock' } }),
      engines: { contexts, knownHosts, settingsFile: null, ssh: { identityFiles: [join(dir, 'client_key')], agentSocket: '' } },
    });
  }, 120_000);

  afterAll(async () => {
    core?.stop();
    sshd?.kill('SIGTERM');
    await localDocker.getContainer(containerName).remove({ force: true }).catch(() => {});
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows an unknown host key with its fingerprint, connects only after it is accepted, then lists', async () => {
    const before = await invokeOk(core, 'engines:list', {});
    const entry = before.engines.find((e) => e.id === 'context:ph-ssh');
    expect(entry?.status.state).toBe('unreachable');
    const { stdout } = await exec('ssh-keygen', ['-l', '-f', join(dir, 'host_key.pub')]);
    const fingerprint = stdout.split(' ')[1];
    expect(entry?.hostKey).toEqual({ host: '127.0.0.1', port, keyType: 'ssh-ed25519', fingerprint });

    await expect(invokeOk(core, 'engines:trust-host-key', { id: 'context:ph-ssh', fingerprint: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })).rejects.toThrow(/no longer/);
    const after = await invokeOk(core, 'engines:trust-host-key', { id: 'context:ph-ssh', fingerprint });
    expect(after.engines.find((e) => e.id === 'context:ph-ssh')?.status).toMatchObject({ state: 'connected' });
    expect(await readFile(join(dir, 'known_hosts'), 'utf8')).toContain(`[127.0.0.1]:${port} ssh-ed25519 `);

    const switched = await invokeOk(core, 'engines:switch', { id: 'context:ph-ssh' });
    expect(switched.currentId).toBe('context:ph-ssh');
    expect(core.connection.status).toMatchObject({ state: 'connected', endpoint: `ssh://root@127.0.0.1:${port}` });
    const names = (await invokeOk(core, 'containers:list', { all: true })).map((c) => c.name);
    expect(names).toContain(containerName);
  });

  it('says so when the server refuses the key', async () => {
    const stranger = new EngineRegistry({ contexts, knownHosts, settingsFile: null, ssh: { identityFiles: [join(dir, 'stranger_key')], agentSocket: '' } });
    const def = stranger.definitions().find((d) => d.id === 'context:ph-ssh')!;
    const status = await stranger.probe(def);
    expect(status).toMatchObject({ state: 'unreachable', reason: expect.stringMatching(/refused the key/) });
  });
});
