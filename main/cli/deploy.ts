import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { appName, deployRunParams, registryMirror, type DeployEvent, type DeployPlan } from '../../shared/api/deploy';
import { PortholeError } from '../../shared/errors';
import { toApiError } from '../engine/errors';
import { detectPlan } from '../deploy/detect';
import { EngineConnection } from '../engine/connection';
import { DeployService } from '../deploy/deploy-service';

const USAGE = 'Usage: porthole deploy <folder> [--port N] [--name NAME] [--registry-mirror HOST[:PORT]] [--dry-run] [--json]';

/** The plan as `--dry-run --json` prints it: these keys, null where unknown. */
export function planJson(plan: DeployPlan): Record<string, unknown> {
  return {
    runtime: plan.runtime,
    version: plan.version,
    packageManager: plan.packageManager,
    install: plan.install,
    build: plan.build,
    start: plan.start,
    workdir: plan.workdir,
    port: plan.port,
    env: plan.env,
    name: plan.name,
    dockerfile: plan.dockerfile,
    sources: plan.sources,
  };
}

function printPlan(plan: DeployPlan): void {
  const row = (label: string, value: unknown, source?: string) => console.log(`  ${label.padEnd(16)}${value === null || value === undefined || value === '' ? '—' : String(value)}${source ? `   (${source === 'default' ? 'default' : `from ${source}`})` : ''}`);
  console.log(`Plan for ${plan.folder}`);
  row('Runtime', plan.runtime, plan.sources.runtime);
  row('Version', plan.version, plan.sources.version);
  row('Package manager', plan.packageManager, plan.sources.packageManager);
  row('Install', plan.install, plan.sources.install);
  row('Build', plan.build, plan.sources.build);
  row('Start', plan.start, plan.sources.start);
  row('Working dir', plan.workdir, plan.sources.workdir);
  row('Port', plan.port === null ? null : `${plan.port} (${plan.portConfidence} confidence)`, plan.sources.port);
  row('Env', plan.env.join(', '), plan.sources.env);
  row('Name', plan.name, plan.sources.name);
  for (const note of plan.notes) console.log(`  note: ${note}`);
  console.log(`\n${plan.dockerfilePath}${plan.usesOwnDockerfile ? ' (the folder\'s own)' : ' (generated)'}:\n${plan.dockerfile.replace(/^/gm, '  | ')}`);
}

/** Human-mode output; a base-image pull prints a line per quarter of progress, not per snapshot. */
function eventPrinter(): (e: DeployEvent) => void {
  const shown = new Map<string, number>();
  return (e) => {
    if (e.kind !== 'pull') return printEvent(e);
    const { reference, percent, layers, done } = e.progress;
    const step = done ? 100 : Math.floor(percent / 25) * 25;
    if ((shown.get(reference) ?? -1) >= step) return;
    shown.set(reference, step);
    const finished = layers.filter((l) => l.fraction >= 1).length;
    console.log(`    pull ${reference}: ${done ? 100 : percent} % (${finished} of ${layers.length} layers)`);
  };
}

function printEvent(e: DeployEvent): void {
  if (e.kind === 'stage') {
    const took = e.elapsedMs !== undefined ? ` (${(e.elapsedMs / 1000).toFixed(1)} s)` : '';
    const mark = { running: '…', done: '✓', failed: '✗', skipped: '-' }[e.state];
    console.log(`${mark} ${e.stage}${took}${e.message ? `: ${e.message}` : ''}`);
  } else if (e.kind === 'build') {
    for (const b of e.events) {
      if (b.kind === 'step') console.log(`    step ${b.index}/${b.total}: ${b.instruction}`);
      else if (b.kind === 'output' && b.text.trim()) console.log(`    ${b.text.trimEnd()}`);
    }
  } else if (e.kind === 'log') console.log(`  ${e.text}`);
}

function fail(json: boolean, message: string, code: number): number {
  if (json) console.log(JSON.stringify({ error: message }));
  else console.error(`porthole deploy: ${message}`);
  return code;
}

export async function deployCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { port: { type: 'string' }, name: { type: 'string' }, 'registry-mirror': { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
      strict: true,
    });
  } catch (error) {
    console.error(`porthole deploy: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const json = Boolean(values.json);
  if (positionals.length !== 1) return fail(json, `give exactly one folder.\n${USAGE}`, 2);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) return fail(json, `--port must be a number from 1 to 65535, not "${values.port}".`, 2);
  if (values.name !== undefined && !appName.safeParse(values.name).success) return fail(json, `--name "${values.name}" is not a valid name: use lower-case letters, digits, _ . - (start with a letter or digit).`, 2);
  const mirror = values['registry-mirror'];
  if (mirror !== undefined && !registryMirror.safeParse(mirror).success) return fail(json, `--registry-mirror "${mirror}" must look like HOST[:PORT], e.g. 127.0.0.1:5000.`, 2);

  let plan: DeployPlan;
  try {
    plan = await detectPlan(resolve(positionals[0]), { registryMirror: mirror, overrides: { port, name: values.name } });
  } catch (error) {
    return fail(json, toApiError(error).message, 1);
  }
  if (values['dry-run']) {
    if (json) console.log(JSON.stringify(planJson(plan)));
    else printPlan(plan);
    return 0;
  }
  if (!json) printPlan(plan);
  if (!plan.usesOwnDockerfile && (!plan.startArgs || plan.port === null)) return fail(json, 'Porthole cannot tell how to start this app. Add scripts.start / a Procfile, or pass the port with --port.', 1);
  if (plan.port === null) return fail(json, 'Porthole cannot tell which port the app listens on: pass --port N.', 1);

  const connection = new EngineConnection({ log: () => {} });
  connection.start();
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  try {
    await connection.waitUntilConnected(15_000);
    const service = new DeployService(connection);
    const params = deployRunParams.parse({ folder: plan.folder, name: plan.name, port: plan.port, dockerfile: plan.dockerfile, dockerignore: plan.dockerignore });
    if (!json) console.log('\nDeploying…');
    const result = await service.run(params, json ? () => {} : eventPrinter(), abort.signal);
    if (json) console.log(JSON.stringify({ url: result.url, container: result.container, image: result.image }));
    else console.log(`\n${plan.name} answers at ${result.url}${result.portMoved ? ` (port ${plan.port} was taken, so it moved to ${result.hostPort})` : ''}`);
    return 0;
  } catch (error) {
    const apiError = error instanceof PortholeError ? error.toApiError() : toApiError(error);
    return fail(json, apiError.message, 1);
  } finally {
    connection.stop();
  }
}
