import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { createCore } from '../core';
import { headlessHost } from '../host/host-adapter';
import { startBrowserHost } from '../transports/browser-host';
import { diagnosisLines } from '../engine-setup/diagnosis';
import { guardProcess } from '../lib/process-guard';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '7420' },
      host: { type: 'string', default: '127.0.0.1' },
      'allow-remote': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`porthole serve: --port must be a number from 0 to 65535, not "${values.port}".`);
    return 2;
  }
  const host = values.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) {
    if (!values['allow-remote']) {
      console.error(`porthole serve: refusing to listen on ${host}. Anyone who can reach it and has the token controls your Docker Engine. Pass --allow-remote to do it anyway.`);
      return 2;
    }
    console.warn(`porthole serve: WARNING: listening on ${host}, not loopback. The token is all that stands between the network and your Docker Engine.`);
  }
  guardProcess((m) => console.error(m));
  const core = createCore(headlessHost(), { log: (m) => console.error(m) });
  const staticRoot = join(__dirname, '..', 'renderer');
  const browserHost = await startBrowserHost({ core, staticRoot, host, port });
  await firstStatus(core.connection, 3_000);
  for (const line of diagnosisLines(core.connection.status, core.services.engineSetup.report())) console.log(line);
  console.log(`Porthole is running. Open ${browserHost.url}`);
  const shutdown = async () => {
    // Whatever holds the server open, the process ends within 3 s of the signal.
    setTimeout(() => process.exit(0), 3000).unref();
    core.stop();
    await browserHost.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  return new Promise<number>(() => {});
}

/** Waits for the first connection attempt to report (at most `ms`), so the diagnosis says something true. */
function firstStatus(connection: ReturnType<typeof createCore>['connection'], ms: number): Promise<void> {
  if (connection.status.state !== 'connecting') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    connection.once('status', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
