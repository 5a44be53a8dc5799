import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Dockerode from 'dockerode';

const exec = promisify(execFile);

export interface SecondDockerdOptions {
  /** Also listen on tcp://127.0.0.1:<port> with mutual TLS (certificates made with openssl). */
  tcpTls?: boolean;
  /** Let this engine write iptables rules (needed for published ports through NAT, Swarm ingress). Off by default: it would share chain names with the main engine. */
  iptables?: boolean;
  /** Extra dockerd arguments. */
  args?: string[];
  /** How long to wait for the engine to answer a ping (default 60 s). */
  startTimeoutMs?: number;
}

export interface TlsMaterial {
  /** Folder with ca.pem, cert.pem, key.pem (client side), as DOCKER_CERT_PATH expects. */
  certDir: string;
  ca: string;
  cert: string;
  key: string;
}

export interface SecondDockerd {
  name: string;
  /** unix socket of this engine; `unix://${socketPath}` is its DOCKER_HOST. */
  socketPath: string;
  /** Set with `tcpTls`: where the engine also listens, and the client certificates for it. */
  tcp?: { host: '127.0.0.1'; port: number; tls: TlsMaterial };
  /** A dockerode client for this engine (test setup). */
  docker: Dockerode;
  /** The bridge this engine attaches containers to, and its subnet. */
  bridge: { name: string; cidr: string };
  dataRoot: string;
  pid(): number | undefined;
  /** Runs the docker CLI against this engine. */
  cli(...args: string[]): Promise<string>;
  /** Ends the daemon abruptly (SIGKILL by default), as a crash would; its data stays for `restart`. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the daemon again on the same data, socket and bridge; resolves when it answers a ping. */
  restart(): Promise<void>;
  /** Stops the daemon and removes its folder, bridge and everything it made. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * A private dockerd for tests that must kill, stall or reconfigure an engine (faults, Swarm, many
 * engines) without touching the shared one: own data-root, exec-root (so its own containerd), pidfile,
 * socket, containerd namespace and bridge on an unused 172.31.x.0/24. Needs root and `ip` (iproute2).
 */
export async function startSecondDockerd(name: string, options: SecondDockerdOptions = {}): Promise<SecondDockerd> {
  const safe = name.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 24);
  // Linux interface names are at most 15 characters.
  const bridgeName = `ph${createHash('sha1').update(`${safe}-${process.pid}`).digest('hex').slice(0, 10)}`;
  const root = await mkdtemp(join(tmpdir(), `porthole-dockerd-${safe}-`));
  // exec-root holds unix sockets: keep the path short (108-byte limit).
  const execRoot = await mkdtemp(`/tmp/phx-`);
  const dataRoot = join(root, 'data');
  const socketPath = join(execRoot, 'docker.sock');
  const pidfile = join(execRoot, 'docker.pid');
  await mkdir(dataRoot, { recursive: true });

  const cidr = await createBridge(bridgeName);
  let tcp: SecondDockerd['tcp'];
  if (options.tcpTls) {
    const tls = await makeTlsMaterial(join(root, 'tls'));
    tcp = { host: '127.0.0.1', port: await freePort(), tls };
  }

  const args = [
    '--data-root', dataRoot,
    '--exec-root', execRoot,
    '--pidfile', pidfile,
    '-H', `unix://${socketPath}`,
    '--bridge', bridgeName,
    '--containerd-namespace', `ph-${safe}`,
    '--containerd-plugins-namespace', `ph-${safe}-plugins`,
    `--iptables=${options.iptables ? 'true' : 'false'}`,
    '--ip6tables=false',
    '--ip-masq=false',
    ...(tcp
      ? ['-H', `tcp://127.0.0.1:${tcp.port}`, '--tlsverify', '--tlscacert', join(root, 'tls', 'server', 'ca.pem'), '--tlscert', join(root, 'tls', 'server', 'cert.pem'), '--tlskey', join(root, 'tls', 'server', 'key.pem')]
      : []),
    ...(options.args ?? []),
  ];

  let child: ChildProcess | null = null;
  let log = '';
  const launch = async () => {
    child = spawn('dockerd', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (c: Buffer) => {
      log = (log + c.toString()).slice(-64 * 1024);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const started = Date.now();
    const deadline = options.startTimeoutMs ?? 60_000;
    const probe = new Dockerode({ socketPath });
    for (;;) {
      if (child.exitCode !== null) throw new Error(`dockerd "${name}" exited (${child.exitCode}):\n${log.slice(-4000)}`);
      if (existsSync(socketPath) && (await probe.ping().then(() => true, () => false))) return;
      if (Date.now() - started > deadline) throw new Error(`dockerd "${name}" did not answer within ${deadline} ms:\n${log.slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const waitExit = (signal: NodeJS.Signals, timeoutMs: number) =>
    new Promise<void>((resolve) => {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return resolve();
      const timer = setTimeout(() => {
        c.kill('SIGKILL');
      }, timeoutMs);
      c.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      c.kill(signal);
    });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const docker = new Dockerode({ socketPath });
    if (child && child.exitCode === null) {
      const containers = await docker.listContainers({ all: true }).catch(() => []);
      await Promise.all(containers.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => {})));
    }
    await waitExit('SIGTERM', 15_000);
    // A killed dockerd leaves its containerd and shims behind: end them by the pids under our exec-root.
    await killLeftovers(execRoot);
    await exec('ip', ['link', 'delete', bridgeName]).catch(() => {});
    await exec('umount', ['-R', dataRoot]).catch(() => {});
    await rm(root, { recursive: true, force: true }).catch(() => {});
    await rm(execRoot, { recursive: true, force: true }).catch(() => {});
  };

  try {
    await launch();
  } catch (error) {
    await stop();
    throw error;
  }
  const docker = new Dockerode({ socketPath });
  return {
    name,
    socketPath,
    tcp,
    docker,
    bridge: { name: bridgeName, cidr },
    dataRoot,
    pid: () => child?.pid,
    cli: async (...cliArgs: string[]) => (await exec('docker', ['-H', `unix://${socketPath}`, ...cliArgs], { maxBuffer: 64 * 1024 * 1024 })).stdout.trim(),
    kill: (signal = 'SIGKILL') => waitExit(signal, 15_000),
    restart: async () => {
      await waitExit('SIGTERM', 15_000);
      // After a crash its containerd lingers and would block the new daemon's own: end it first.
      await killLeftovers(execRoot);
      // Its state (sockets, pid file) would make the new containerd wait on the dead one's socket.
      await rm(join(execRoot, 'containerd'), { recursive: true, force: true });
      await rm(pidfile, { force: true });
      await launch();
    },
    stop,
  };
}

async function createBridge(name: string): Promise<string> {
  const { stdout } = await exec('ip', ['-4', '-o', 'addr']);
  const used = new Set([...stdout.matchAll(/inet 172\.31\.(\d+)\./g)].map((m) => Number(m[1])));
  const start = 200 + (process.pid % 40);
  let third = -1;
  for (let i = 0; i < 50 && third < 0; i++) {
    const candidate = 200 + ((start - 200 + i) % 50);
    if (!used.has(candidate)) third = candidate;
  }
  if (third < 0) throw new Error('No free 172.31.200-249.0/24 subnet for a second dockerd bridge.');
  await exec('ip', ['link', 'add', name, 'type', 'bridge']);
  await exec('ip', ['addr', 'add', `172.31.${third}.1/24`, 'dev', name]);
  await exec('ip', ['link', 'set', name, 'up']);
  return `172.31.${third}.0/24`;
}

/**
 * Ends this daemon's containerd and shims (their command lines name our exec-root) and every process under
 * them: a container's processes outlive a shim killed alone (a killed engine's busy loop kept running after the test).
 */
async function killLeftovers(execRoot: string): Promise<void> {
  const { stdout } = await exec('ps', ['-eo', 'pid=,ppid=,args=']).catch(() => ({ stdout: '' }));
  const rows = stdout
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }));
  const doomed = new Set(rows.filter((r) => r.args.includes(execRoot)).map((r) => r.pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows) {
      if (!doomed.has(r.pid) && doomed.has(r.ppid)) {
        doomed.add(r.pid);
        grew = true;
      }
    }
  }
  for (const pid of doomed) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** A throwaway CA, a server certificate for 127.0.0.1 and a client certificate (openssl). */
async function makeTlsMaterial(dir: string): Promise<TlsMaterial> {
  const server = join(dir, 'server');
  const client = join(dir, 'client');
  await mkdir(server, { recursive: true });
  await mkdir(client, { recursive: true });
  const ssl = (...a: string[]) => exec('openssl', a, { cwd: dir });
  await ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=porthole-test-ca', '-keyout', 'ca-key.pem', '-out', 'ca.pem');
  await writeFile(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  await writeFile(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const [who, ext] of [['server', 'server.ext'], ['client', 'client.ext']] as const) {
    await ssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=porthole-test-${who}`, '-keyout', `${who}/key.pem`, '-out', `${who}.csr`);
    await ssl('x509', '-req', '-in', `${who}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-days', '2', '-extfile', ext, '-out', `${who}/cert.pem`);
    await writeFile(join(dir, who, 'ca.pem'), await readFile(join(dir, 'ca.pem')));
  }
  return {
    certDir: client,
    ca: await readFile(join(client, 'ca.pem'), 'utf8'),
    cert: await readFile(join(client, 'cert.pem'), 'utf8'),
    key: await readFile(join(client, 'key.pem'), 'utf8'),
  };
}
