import { basename } from 'node:path';
import { PortholeError } from '../../../shared/errors';
import type { DeployPlan, PlanFact, PlanOverrides } from '../../../shared/api/deploy';
import { AppFolder } from '../folder';
import { DEFAULT, type Detection } from '../types';
import { detectNode } from './node';
import { detectPython } from './python';
import { detectRuby } from './ruby';
import { detectGo } from './go';
import { detectStatic } from './static';
import { detectDockerfile, COMPOSE_FILES } from './dockerfile';
import { generateDockerfile } from '../dockerfile-gen';
import { generateDockerignore, GENERATED_DOCKERFILE } from '../dockerignore';
import { parseDotenv, scanEnv } from '../env-scan';
import { refuseUnsupported } from '../rules/refusals';
import { applyRules } from './apply-rules';
import { joinWords, toExecForm } from '../shell-words';

export interface PlanOptions {
  registryMirror?: string;
  overrides?: PlanOverrides;
}

/** Lower-case letters, digits, `.`, `_`, `-`; starts with a letter or digit; at most 63 characters. */
export function toAppName(raw: string): string {
  const cleaned = raw
    .replace(/^@[^/]+\//, '')
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/[-_.]+$/, '')
    .slice(0, 63);
  return cleaned || 'app';
}

/** Picks the one runtime that wins, and says why when two could have. */
async function chooseRuntime(folder: AppFolder): Promise<{ detection: Detection; notes: string[] }> {
  await refuseUnsupported(folder);
  const go = await detectGo(folder);
  if (go) return { detection: go, notes: [] };
  const ruby = await detectRuby(folder);
  if (ruby) return { detection: ruby, notes: [] };
  const node = await detectNode(folder);
  const python = await detectPython(folder);
  if (node && python) {
    if (!node.start && python.start) return { detection: python, notes: ['package.json is here too, but it starts no server; deploying the Python app.'] };
    return { detection: node, notes: ['Python files are here too, but package.json says how to start the app; deploying the Node app. Change the Dockerfile if the Python app is the server.'] };
  }
  if (node) return { detection: node, notes: [] };
  if (python) return { detection: python, notes: [] };
  const site = await detectStatic(folder);
  if (site) return { detection: site, notes: [] };
  throw new PortholeError(
    'VALIDATION',
    `Porthole did not find an app it knows how to deploy in ${folder.root}: no Dockerfile, package.json, requirements.txt, pyproject.toml, Pipfile, Gemfile, go.mod or index.html.`,
  );
}

async function nameFrom(folder: AppFolder): Promise<{ name: string; source: string }> {
  const pkg = await folder.json('package.json');
  if (typeof pkg?.name === 'string' && pkg.name.trim()) return { name: toAppName(pkg.name), source: 'package.json:name' };
  const pyproject = (await folder.text('pyproject.toml')) ?? '';
  const pyName = /^\s*name\s*=\s*["']([^"']+)["']/m.exec(pyproject)?.[1];
  if (pyName) return { name: toAppName(pyName), source: 'pyproject.toml:name' };
  return { name: toAppName(basename(folder.root)), source: 'folder name' };
}

/** Reads the folder and says how it would deploy it, with where each fact came from. */
export async function detectPlan(root: string, options: PlanOptions = {}): Promise<DeployPlan> {
  const folder = await AppFolder.open(root);
  const overrides = options.overrides ?? {};
  const own = await detectDockerfile(folder);
  const chosen = own ? { detection: own as Detection, notes: [] } : await chooseRuntime(folder);
  const d = chosen.detection;
  const notes = [...chosen.notes, ...d.notes];
  const sources: Record<PlanFact, string> = {
    runtime: DEFAULT,
    version: DEFAULT,
    packageManager: DEFAULT,
    install: DEFAULT,
    build: DEFAULT,
    start: DEFAULT,
    workdir: DEFAULT,
    port: DEFAULT,
    env: DEFAULT,
    name: DEFAULT,
    ...d.sources,
  };

  const { name: detectedName, source: nameSource } = await nameFrom(folder);
  const name = overrides.name ?? detectedName;
  sources.name = overrides.name ? 'user' : nameSource;

  const port = overrides.port ?? d.port;
  if (overrides.port) sources.port = 'user';
  const start = overrides.start ? toExecForm(overrides.start) : d.start;
  if (overrides.start) sources.start = 'user';

  const codeFiles = await folder.sourceFiles(['.js', '.mjs', '.cjs', '.ts', '.py', '.rb', '.ru', '.go'], 80, 2);
  const env = await scanEnv(folder, codeFiles);
  const dotenvNames = new Set(Object.keys(parseDotenv((await folder.text('.env')) ?? '')));
  const rules = await applyRules({ folder, detection: d, codeFiles, dotenvNames, start, ownDockerfile: Boolean(own) });
  const envNames = overrides.env ?? [...new Set([...env.names, ...rules.extraEnv])].sort();
  const envSources = [...env.sources, ...rules.extraEnvSources];
  sources.env = overrides.env ? 'user' : envSources.length ? envSources.join(', ') : DEFAULT;

  const ownWorkdir = own ? /^\s*WORKDIR\s+(\S+)/im.exec(own.text)?.[1] : undefined;
  const workdir = own ? (ownWorkdir ?? '/') : d.runtime === 'static' ? '/www' : '/app';
  sources.workdir = ownWorkdir ? `${own?.file}:WORKDIR` : DEFAULT;
  if (!COMPOSE_FILES.some((f) => notes.some((n) => n.startsWith(f)))) {
    const compose = COMPOSE_FILES.find((f) => folder.has(f));
    if (compose) notes.push(`${compose} found: Porthole deploys this app as one container; the other services in the compose file are not started.`);
  }
  const hasIgnore = folder.has('.dockerignore');
  if (hasIgnore && folder.has('.env') && !/^\s*\.env\b/m.test((await folder.text('.dockerignore')) ?? '')) {
    notes.push('Your .dockerignore does not exclude .env: its values would be copied into the image. Add ".env" to .dockerignore.');
  }
  if (folder.has('.env')) notes.push('Values from .env are passed to the container when it starts; they are not written into the image.');

  let dockerfile: string;
  let dockerfilePath: string;
  if (own) {
    dockerfile = own.text;
    dockerfilePath = own.file;
  } else {
    dockerfilePath = GENERATED_DOCKERFILE;
    if (start && port) {
      dockerfile = generateDockerfile({ detection: d, port, start, appName: name, mirror: options.registryMirror });
    } else {
      dockerfile = '# Porthole could not tell how to start this app. Set the start command (and port) in the plan, or write the Dockerfile here.\n';
      if (!start) notes.push('Porthole found no start command: add scripts.start (or a Procfile web: line), or type the command in the plan.');
    }
  }
  return {
    folder: root,
    runtime: d.runtime,
    version: d.version,
    packageManager: d.packageManager,
    install: d.install,
    build: d.build,
    start: start ? joinWords(start) : null,
    startArgs: start,
    workdir,
    port: port ?? null,
    portConfidence: overrides.port ? 'high' : d.portConfidence,
    env: envNames,
    name,
    dockerfile,
    dockerfilePath,
    usesOwnDockerfile: Boolean(own),
    dockerignore: hasIgnore ? null : generateDockerignore(d.runtime),
    baseImage: /^FROM\s+(\S+)/m.exec(dockerfile)?.[1] ?? null,
    notes,
    sources,
    snippets: Object.fromEntries(Object.entries(d.snippets ?? {}).filter(([fact, v]) => v && sources[fact as PlanFact] !== 'user')),
    findings: rules.findings,
    requiredEnv: rules.requiredEnv,
  };
}
