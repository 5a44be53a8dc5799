import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { appName, registryMirror, type DeployEvent, type DeployPlan, type DeployResult } from '../../shared/api/deploy';
import { PortholeError } from '../../shared/errors';
import { toApiError } from '../engine/errors';
import { withCore, type CoreClient } from './core-client';
import { explainPlan } from './explain-plan';
import { missingRequiredEnv } from '../deploy/required-env-check';
import type { ComposeDeployPlan } from '../../shared/api/deploy-compose';
import { printComposePlan, runComposeDeploy } from './deploy-compose';

const USAGE = 'Usage: porthole deploy <folder> [--port N] [--name NAME] [--env NAME=VALUE]… [--registry-mirror HOST[:PORT]] [--dry-run] [--json] [--explain]';

/** `--env NAME=VALUE` (repeatable) → a record, or the first malformed entry. */
function parseEnvFlags(flags: string[]): { env: Record<string, string> } | { bad: string } {
  const env: Record<string, string> = {};
  for (const flag of flags) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(flag);
    if (!m) return { bad: flag };
    env[m[1]] = m[2];
  }
  return { env };
}

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
    snippets: plan.snippets,
    findings: plan.findings,
    requiredEnv: plan.requiredEnv,
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
  for (const r of plan.requiredEnv) console.log(`  required env    ${r.name}   (from ${r.source}${r.snippet ? `: ${r.snippet}` : ''})${r.providedBy ? ` — set by ${r.providedBy}` : ''}`);
  for (const f of plan.findings) console.log(`  ${f.warning ? 'warning' : f.rule}: ${f.text} (${f.source})`);
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

/** A compose folder: the plan, then compose up and the entry point's answer. */
async function deployCompose(client: CoreClient, plan: ComposeDeployPlan, json: boolean, dryRun: boolean): Promise<number> {
  if (dryRun) {
    if (json) console.log(JSON.stringify(plan));
    else printComposePlan(plan);
    return 0;
  }
  if (!json) printComposePlan(plan);
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  try {
    await client.core.connection.waitUntilConnected(15_000);
    if (!json) console.log('\nDeploying with compose up…');
    const result = await runComposeDeploy(client, plan, json ? () => {} : eventPrinter(), abort.signal);
    if (!result) return fail(json, 'The deploy ended without a result.', 1);
    if (json) console.log(JSON.stringify(result));
    else console.log(result.url ? `\n${plan.name} answers at ${result.url}` : `\n${plan.name} is up (no service publishes a port).`);
    return 0;
  } catch (error) {
    return fail(json, toApiError(error).message, 1);
  }
}

function fail(json: boolean, message: string, code: number): number {
  if (json) console.log(JSON.stringify({ error: message }));
  else console.error(`porthole deploy: ${message}`);
  return code;
}

/** A client of the core like the window: plan and deploy through the router (same checks, data folder, credentials). */
export function deployCommand(argv: string[]): Promise<number> {
  return withCore((client) => deploy(client, argv));
}

async function deploy(client: CoreClient, argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { port: { type: 'string' }, name: { type: 'string' }, env: { type: 'string', multiple: true }, explain: { type: 'boolean', default: false }, 'registry-mirror': { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
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

  const envFlags = parseEnvFlags(values.env ?? []);
  if ('bad' in envFlags) return fail(json, `--env "${envFlags.bad}" must look like NAME=VALUE.`, 2);
  const given = new Set(Object.keys(envFlags.env));

  let plan: DeployPlan | ComposeDeployPlan;
  try {
    plan = await client.invoke('deploy:plan', { folder: resolve(positionals[0]), registryMirror: mirror, overrides: { port, name: values.name } });
  } catch (error) {
    return fail(json, toApiError(error).message, 1);
  }
  if (plan.kind === 'compose') return deployCompose(client, plan, json, Boolean(values['dry-run']));
  if (values.explain && !json) console.log(explainPlan(plan, given).join('\n'));
  if (values['dry-run']) {
    if (json) console.log(JSON.stringify(planJson(plan)));
    else if (!values.explain) printPlan(plan);
    return 0;
  }
  if (!json && !values.explain) printPlan(plan);
  const missing = missingRequiredEnv(plan, given);
  if (missing.length) {
    return fail(json, `the app needs ${missing.map((r) => `${r.name} (${r.source}${r.snippet ? `: ${r.snippet}` : ''})`).join(', ')}; give ${missing.length === 1 ? 'it' : 'them'} with ${missing.map((r) => `--env ${r.name}=…`).join(' ')} or in .env.`, 1);
  }
  if (!plan.usesOwnDockerfile && (!plan.startArgs || plan.port === null)) return fail(json, 'Porthole cannot tell how to start this app. Add scripts.start / a Procfile, or pass the port with --port.', 1);
  if (plan.port === null) return fail(json, 'Porthole cannot tell which port the app listens on: pass --port N.', 1);

  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  try {
    await client.core.connection.waitUntilConnected(15_000);
    const params = { folder: plan.folder, name: plan.name, port: plan.port, dockerfile: plan.dockerfile, dockerignore: plan.dockerignore, env: envFlags.env };
    if (!json) console.log('\nDeploying…');
    const print = json ? () => {} : eventPrinter();
    let finished: DeployResult | null = null;
    await client.stream('deploy:run', params, (e) => (e.kind === 'done' ? (finished = e.result) : print(e)), abort.signal);
    const result = finished as DeployResult | null;
    if (!result) return fail(json, 'The deploy ended without a result.', 1);
    if (json) console.log(JSON.stringify({ url: result.url, container: result.container, image: result.image }));
    else console.log(`\n${plan.name} answers at ${result.url}${result.portMoved ? ` (port ${plan.port} was taken, so it moved to ${result.hostPort})` : ''}`);
    return 0;
  } catch (error) {
    const apiError = error instanceof PortholeError ? error.toApiError() : toApiError(error);
    return fail(json, apiError.message, 1);
  }
}
