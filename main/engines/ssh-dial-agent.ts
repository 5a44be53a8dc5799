import { Agent, type AgentOptions } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Client, ConnectConfig } from 'ssh2';

/**
 * An http.Agent that reaches a remote engine through ONE ssh connection: every HTTP connection is a
 * new channel running `docker system dial-stdio` (what the docker CLI does for ssh:// hosts).
 * dockerode's own ssh mode opens a fresh ssh connection per request (seconds each on a small
 * machine); this one pays the handshake once and reconnects only after the connection drops.
 */
export class SshDialAgent extends Agent {
  private client: Client | null = null;
  private ready: Promise<Client> | null = null;

  constructor(private readonly config: ConnectConfig, options: AgentOptions = {}) {
    super({ keepAlive: true, ...options });
  }

  private connection(): Promise<Client> {
    if (this.ready) return this.ready;
    // ssh2 loads on the first ssh engine's first request, not at every start (~60 ms here).
    const ready: Promise<Client> = import('ssh2').then(
      ({ Client: SshClient }) =>
        new Promise<Client>((resolve, reject) => {
          if (this.ready !== ready) return reject(new Error('The ssh connection was closed before it opened.'));
          const client = new SshClient();
          this.client = client;
          client.once('ready', () => resolve(client));
          client.once('error', (error) => {
            this.forget(ready);
            reject(error);
          });
          client.once('close', () => this.forget(ready));
          client.connect(this.config);
        }),
    );
    this.ready = ready;
    return ready;
  }

  private forget(ready: Promise<Client>): void {
    if (this.ready !== ready) return;
    this.client = null;
    this.ready = null;
  }

  override createConnection(_options: unknown, callback: (error: Error | null, stream?: Duplex) => void): undefined {
    this.connection().then(
      (client) =>
        client.exec('docker system dial-stdio', (error, channel) => {
          if (error) return callback(error);
          // http expects a socket; these no-ops keep it from failing on socket-only calls.
          Object.assign(channel, { setNoDelay: () => channel, setKeepAlive: () => channel, setTimeout: () => channel, ref: () => channel, unref: () => channel });
          callback(null, channel);
        }),
      (error: Error) => callback(error),
    );
    return undefined;
  }

  override destroy(): void {
    super.destroy();
    this.client?.end();
    this.client = null;
    this.ready = null;
  }
}
