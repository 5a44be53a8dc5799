import { Agent, type AgentOptions } from 'node:http';
import type { Duplex } from 'node:stream';
import { Client, type ConnectConfig } from 'ssh2';

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
    const client = new Client();
    this.client = client;
    this.ready = new Promise<Client>((resolve, reject) => {
      client.once('ready', () => resolve(client));
      client.once('error', (error) => {
        this.forget(client);
        reject(error);
      });
      client.once('close', () => this.forget(client));
      client.connect(this.config);
    });
    return this.ready;
  }

  private forget(client: Client): void {
    if (this.client !== client) return;
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
