import { describe, expect, it } from 'vitest';
import { discoverEngine, parseDockerHost, type DiscoveryEnv } from '../../main/engine/discovery';

/** A fake machine: files (path → text), sockets that exist, environment variables. */
function fakeEnv(options: { env?: NodeJS.ProcessEnv; files?: Record<string, string>; sockets?: string[]; platform?: NodeJS.Platform } = {}): DiscoveryEnv {
  const files = options.files ?? {};
  const sockets = new Set(options.sockets ?? []);
  return {
    env: options.env ?? {},
    platform: options.platform ?? 'linux',
    home: '/home/ada',
    exists: (p) => sockets.has(p) || p in files,
    readText: (p) => files[p] ?? null,
    listDir: (dir) => {
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      const names = new Set<string>();
      for (const p of Object.keys(files)) if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]);
      return [...names];
    },
  };
}

const meta = (name: string, host: string) => JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } });
const CONTEXTS = '/home/ada/.docker/contexts/meta';

describe('engine discovery', () => {
  it.each<{ rule: string; machine: { env?: NodeJS.ProcessEnv; files: Record<string, string> }; target: Record<string, unknown>; tried: string[] }>([
    {
      rule: 'DOCKER_HOST wins over everything else',
      machine: {
        env: { DOCKER_HOST: 'tcp://10.0.0.5:2375', DOCKER_CONTEXT: 'colima' },
        files: { [`${CONTEXTS}/abc/meta.json`]: meta('colima', 'unix:///colima.sock') },
      },
      target: { endpoint: 'tcp://10.0.0.5:2375', source: 'DOCKER_HOST', options: { host: '10.0.0.5', port: 2375, protocol: 'http' } },
      tried: ['DOCKER_HOST=tcp://10.0.0.5:2375'],
    },
    {
      rule: 'DOCKER_CONTEXT selects the context whose meta.json has that name',
      machine: {
        env: { DOCKER_CONTEXT: 'remote' },
        files: {
          '/home/ada/.docker/config.json': JSON.stringify({ currentContext: 'other' }),
          [`${CONTEXTS}/1111/meta.json`]: meta('other', 'unix:///other.sock'),
          [`${CONTEXTS}/2222/meta.json`]: meta('remote', 'unix:///run/remote.sock'),
        },
      },
      target: { endpoint: 'unix:///run/remote.sock', source: 'docker context "remote"', options: { socketPath: '/run/remote.sock' } },
      tried: ['docker context "remote" (from DOCKER_CONTEXT)'],
    },
    {
      rule: 'uses config.json currentContext, skipping a broken meta.json',
      machine: {
        files: {
          '/home/ada/.docker/config.json': JSON.stringify({ currentContext: 'orbstack' }),
          [`${CONTEXTS}/0000/meta.json`]: '{ not json',
          [`${CONTEXTS}/3333/meta.json`]: meta('orbstack', 'unix:///home/ada/.orbstack/run/docker.sock'),
        },
      },
      target: { endpoint: 'unix:///home/ada/.orbstack/run/docker.sock', source: 'docker context "orbstack"' },
      tried: ['docker context "orbstack" (from /home/ada/.docker/config.json)'],
    },
  ])('$rule (the default socket exists too)', ({ machine, target, tried }) => {
    const found = discoverEngine(fakeEnv({ ...machine, sockets: ['/var/run/docker.sock'] }));
    expect(found.target).toMatchObject(target);
    expect(found.tried).toEqual(tried);
  });

  it('honours DOCKER_CONFIG for the config and contexts folder', () => {
    const d = fakeEnv({
      env: { DOCKER_CONFIG: '/etc/dockercfg' },
      files: {
        '/etc/dockercfg/config.json': JSON.stringify({ currentContext: 'ci' }),
        '/etc/dockercfg/contexts/meta/9/meta.json': meta('ci', 'tcp://ci:2375'),
      },
    });
    expect(discoverEngine(d).target?.endpoint).toBe('tcp://ci:2375');
  });

  it('falls through to the sockets when the named context does not exist, or is "default"', () => {
    const missing = discoverEngine(fakeEnv({ env: { DOCKER_CONTEXT: 'gone' }, sockets: ['/var/run/docker.sock'] }));
    expect(missing.target?.endpoint).toBe('unix:///var/run/docker.sock');
    expect(missing.tried).toEqual(['docker context "gone" (from DOCKER_CONTEXT)', '/var/run/docker.sock']);

    const dflt = discoverEngine(
      fakeEnv({ files: { '/home/ada/.docker/config.json': JSON.stringify({ currentContext: 'default' }) }, sockets: ['/var/run/docker.sock'] }),
    );
    expect(dflt.target?.source).toBe('default socket');
    expect(dflt.tried).toEqual(['/var/run/docker.sock']);
  });

  it('looks at the sockets in order and takes the first that exists', () => {
    const d = fakeEnv({
      env: { XDG_RUNTIME_DIR: '/run/user/1000' },
      sockets: ['/run/user/1000/podman/podman.sock', '/run/user/1000/docker.sock'],
    });
    const found = discoverEngine(d);
    expect(found.target).toMatchObject({ endpoint: 'unix:///run/user/1000/docker.sock', source: 'rootless Docker socket' });
    expect(found.tried).toEqual(['/var/run/docker.sock', '/home/ada/.docker/run/docker.sock', '/run/user/1000/docker.sock']);
  });

  it('returns every place it looked when nothing is found', () => {
    const found = discoverEngine(fakeEnv({ env: { XDG_RUNTIME_DIR: '/run/user/1000' } }));
    expect(found.target).toBeNull();
    expect(found.tried).toEqual([
      '/var/run/docker.sock',
      '/home/ada/.docker/run/docker.sock',
      '/run/user/1000/docker.sock',
      '/run/user/1000/podman/podman.sock',
      '/run/podman/podman.sock',
    ]);
  });

  it('adds OrbStack and Colima on macOS and uses named pipes on Windows', () => {
    const mac = discoverEngine(fakeEnv({ platform: 'darwin', sockets: ['/home/ada/.colima/default/docker.sock'] }));
    expect(mac.target?.source).toBe('Colima socket');
    expect(mac.tried).toContain('/home/ada/.orbstack/run/docker.sock');

    const win = discoverEngine(fakeEnv({ platform: 'win32', sockets: ['\\\\.\\pipe\\docker_engine'] }));
    expect(win.target).toMatchObject({ endpoint: 'npipe:////./pipe/docker_engine', options: { socketPath: '\\\\.\\pipe\\docker_engine' } });
  });
});

describe('parseDockerHost', () => {
  it('reads unix, tcp with TLS, ssh and rejects unknown schemes', () => {
    expect(parseDockerHost('unix:///var/run/docker.sock')).toEqual({ socketPath: '/var/run/docker.sock' });
    const tls = parseDockerHost('tcp://h:2376', { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' }, (p) => `pem:${p}`);
    expect(tls).toMatchObject({ host: 'h', port: 2376, protocol: 'https', ca: 'pem:/certs/ca.pem', cert: 'pem:/certs/cert.pem', key: 'pem:/certs/key.pem' });
    expect(parseDockerHost('tcp://h', { DOCKER_TLS_VERIFY: '0' })).toMatchObject({ port: 2375, protocol: 'http' });
    expect(parseDockerHost('ssh://me@box:2222')).toMatchObject({ protocol: 'ssh', host: 'box', port: 2222, username: 'me' });
    expect(() => parseDockerHost('ftp://nope')).toThrow(/unsupported/);
  });
});
