import type { AppFolder } from '../folder';
import { firstLine, toolVersion } from '../folder';
import { isExactVersion, nodeMajor, NODE_LTS } from '../versions';
import type { PlanFinding } from '../../../shared/api/deploy';
import { scanPort } from '../port-scan';
import { splitWords } from '../shell-words';
import { DEFAULT, type Detection } from '../types';
import { compiledPath, entryFromListen, entryFromScripts } from './node-entry';
import { nodeFramework } from './node-frameworks';
import { nodeNativeDeps } from '../rules/native-deps';

type Pkg = {
  name?: string;
  main?: string;
  scripts?: Record<string, string>;
  engines?: { node?: string };
  volta?: { node?: string };
  packageManager?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

async function detectVersion(folder: AppFolder, pkg: Pkg): Promise<{ version: string; source: string; finding: PlanFinding | null }> {
  const toolVersions = await folder.text('.tool-versions');
  const candidates: [string | null | undefined, string][] = [
    [pkg.engines?.node, 'package.json:engines.node'],
    [firstLine(await folder.text('.nvmrc')), '.nvmrc'],
    [firstLine(await folder.text('.node-version')), '.node-version'],
    [toolVersion(toolVersions, 'nodejs') ?? toolVersion(toolVersions, 'node'), '.tool-versions:nodejs'],
    [pkg.volta?.node, 'package.json:volta.node'],
  ];
  // A pinned version (a tool file, Volta) says what the app was tested with; a range only what it accepts.
  const pinned = candidates.find(([spec]) => spec && isExactVersion(spec) && nodeMajor(spec));
  const chosen = pinned ?? candidates.find(([spec]) => spec && nodeMajor(spec));
  if (!chosen) return { version: String(NODE_LTS), source: DEFAULT, finding: null };
  const [spec, source] = chosen as [string, string];
  const version = nodeMajor(spec)!;
  const range = pkg.engines?.node && !isExactVersion(pkg.engines.node) ? pkg.engines.node : null;
  let finding: PlanFinding | null = null;
  if (range && source !== 'package.json:engines.node') finding = { rule: 'version', text: `engines.node allows "${range}", and ${source} pins ${spec}: Node ${version} (the pin wins over the range).`, source, snippet: spec };
  else if (range) finding = { rule: 'version', text: `engines.node is a range ("${range}") and nothing pins an exact version: Node ${version}, the newest major the range allows.`, source, snippet: range };
  return { version, source, finding };
}

interface Manager {
  name: string;
  lockfile: string | null;
  source: string;
}

async function detectManager(folder: AppFolder, pkg: Pkg): Promise<Manager> {
  const declared = /^(npm|yarn|pnpm|bun)@/.exec(pkg.packageManager ?? '')?.[1];
  const lock = (['pnpm-lock.yaml', 'bun.lockb', 'bun.lock', 'yarn.lock', 'package-lock.json', 'npm-shrinkwrap.json'] as const).find((f) => folder.has(f)) ?? null;
  if (declared) {
    const lockfile = lock && lock.startsWith(declared === 'npm' ? 'package-lock' : declared) ? lock : null;
    return { name: declared === 'yarn' && folder.has('.yarnrc.yml') ? 'yarn-berry' : declared, lockfile, source: 'package.json:packageManager' };
  }
  if (!lock) return { name: 'npm', lockfile: null, source: DEFAULT };
  if (lock === 'pnpm-lock.yaml') return { name: 'pnpm', lockfile: lock, source: lock };
  if (lock.startsWith('bun')) return { name: 'bun', lockfile: lock, source: lock };
  if (lock === 'yarn.lock') return { name: folder.has('.yarnrc.yml') ? 'yarn-berry' : 'yarn', lockfile: lock, source: lock };
  return { name: 'npm', lockfile: lock, source: lock };
}

/** The install command for production dependencies (or all of them when there is a build step). */
function installCommand(m: Manager, withDev: boolean): string {
  switch (m.name) {
    case 'pnpm':
      return `corepack enable && pnpm install --frozen-lockfile${withDev ? '' : ' --prod'}`;
    case 'yarn-berry':
      return 'corepack enable && yarn install --immutable';
    case 'yarn':
      return `yarn install --frozen-lockfile${withDev ? ' --production=false' : ' --production'}`;
    default:
      if (m.lockfile) return withDev ? 'npm ci --include=dev' : 'npm ci --omit=dev';
      return withDev ? 'npm install --include=dev' : 'npm install --omit=dev';
  }
}

function pruneCommand(m: Manager): string | null {
  if (m.name === 'pnpm') return 'pnpm prune --prod';
  if (m.name === 'npm' || m.name === 'bun') return 'npm prune --omit=dev';
  return null;
}

const run = (m: Manager, script: string): string => (m.name === 'npm' || m.name === 'bun' ? `npm run ${script}` : `${m.name === 'yarn-berry' ? 'yarn' : m.name} run ${script}`);

/** `tsconfig.json` compilerOptions.outDir (comments allowed), default `dist`. */
async function tsOutDir(folder: AppFolder): Promise<string> {
  const text = (await folder.text('tsconfig.json')) ?? '';
  return /"outDir"\s*:\s*"\.?\/?([^"]+?)\/?"/.exec(text)?.[1] ?? 'dist';
}

type StartGuess = { start: string[] | null; source: string; entry: string | null; finding?: PlanFinding; snippet?: string };

/** A Procfile program that is only a devDependency (pruned from the image), e.g. nodemon: run the file with node. */
function procfileStart(command: string, pkg: Pkg): StartGuess {
  const words = splitWords(command);
  const program = words?.[0];
  const devOnly = program && program !== 'node' && pkg.devDependencies?.[program] && !pkg.dependencies?.[program];
  const file = words?.slice(1).find((w) => !w.startsWith('-') && /\.(c|m)?js$/.test(w));
  if (words && devOnly && file) {
    return {
      start: ['node', file],
      source: 'Procfile:web',
      entry: file,
      snippet: command,
      finding: { rule: 'command', text: `The Procfile runs ${program}, which is only a devDependency and is not installed in the production image; the plan runs \`node ${file}\` instead.`, source: 'Procfile:web', snippet: command },
    };
  }
  return { start: words ?? ['sh', '-c', command], source: 'Procfile:web', entry: words?.[0] === 'node' ? (words[1] ?? null) : null, snippet: command };
}

async function detectStart(folder: AppFolder, pkg: Pkg, m: Manager, typescript: boolean): Promise<StartGuess> {
  const procfile = /^web:\s*(.+)$/m.exec((await folder.text('Procfile')) ?? '');
  if (procfile) return procfileStart(procfile[1].trim(), pkg);
  const script = pkg.scripts?.start;
  if (script) {
    const words = splitWords(script);
    // `node file` runs directly: no package manager as PID 1, so signals reach the app.
    if (words && words[0] === 'node' && words.length >= 2) return { start: words, source: 'package.json:scripts.start', entry: words.find((w, i) => i > 0 && !w.startsWith('-')) ?? null, snippet: script };
    return { start: m.name === 'npm' || m.name === 'bun' ? ['npm', 'start'] : [m.name === 'yarn-berry' ? 'yarn' : m.name, 'start'], source: 'package.json:scripts.start', entry: null, snippet: script };
  }
  if (pkg.main && (typescript || (await folder.isFile(pkg.main)))) return { start: ['node', pkg.main], source: 'package.json:main', entry: pkg.main };
  const outDir = typescript ? await tsOutDir(folder) : null;
  const missingMain = pkg.main && !(await folder.isFile(pkg.main)) ? pkg.main : null;
  const fromScripts = await entryFromScripts(folder, pkg.scripts, outDir, missingMain);
  if (fromScripts) return fromScripts;
  if (outDir) {
    for (const src of ['src/index.ts', 'src/server.ts', 'src/main.ts', 'index.ts', 'server.ts']) {
      if (await folder.isFile(src)) return { start: ['node', compiledPath(src, outDir)], source: `tsconfig.json:outDir (${src})`, entry: src };
    }
  }
  for (const file of ['server.js', 'index.js', 'app.js', 'main.js', 'server.mjs', 'index.mjs', 'app.mjs']) {
    if (folder.has(file)) return { start: ['node', file], source: file, entry: file };
  }
  return (await entryFromListen(folder, outDir)) ?? { start: null, source: DEFAULT, entry: null };
}

export async function detectNode(folder: AppFolder): Promise<Detection | null> {
  const pkg = (await folder.json('package.json')) as Pkg | null;
  if (!pkg) return null;
  const notes: string[] = [];
  const findings: PlanFinding[] = [];
  const { version, source: versionSource, finding: versionFinding } = await detectVersion(folder, pkg);
  if (versionFinding) findings.push(versionFinding);
  const manager = await detectManager(folder, pkg);
  const pinnedManager = /^(npm|yarn|pnpm)@(\d+\.\d+\.\d+)/.exec(pkg.packageManager ?? '');
  if (pinnedManager && manager.name !== 'npm') findings.push({ rule: 'version', text: `${pinnedManager[1]} ${pinnedManager[2]} exactly: Corepack reads package.json:packageManager, so the image installs with the version the lockfile was made with.`, source: 'package.json:packageManager', snippet: pkg.packageManager });
  if (manager.name === 'bun') notes.push('A Bun lockfile was found; Porthole builds with npm on the official Node image. Change the Dockerfile to use oven/bun if the app needs Bun.');
  const framework = await nodeFramework(folder, pkg);
  const deps = Object.keys(pkg.dependencies ?? {}).length;
  const typescript = folder.has('tsconfig.json') && Boolean(pkg.devDependencies?.typescript ?? pkg.dependencies?.typescript);
  const buildScript = pkg.scripts?.build;
  const baseBuild = buildScript ? run(manager, 'build') : framework ? framework.build : typescript ? 'npx tsc' : null;
  const build = baseBuild && framework?.afterBuild ? `${baseBuild} && ${framework.afterBuild}` : baseBuild;
  const hasDevDeps = Object.keys(pkg.devDependencies ?? {}).length > 0;
  const needsInstall = deps > 0 || manager.lockfile !== null || (build !== null && hasDevDeps);
  const install = needsInstall ? installCommand(manager, build !== null) : null;
  const guess = await detectStart(folder, pkg, manager, typescript);
  let { start, source: startSource } = guess;
  const { entry } = guess;
  if (guess.finding) findings.push(guess.finding);
  let startSnippet = guess.snippet ?? guess.finding?.snippet;
  if (framework) {
    findings.push(...framework.findings);
    if (framework.start && startSource !== 'Procfile:web') {
      start = framework.start;
      startSource = framework.findings[0].source;
      startSnippet = framework.findings[0].snippet;
    }
  }

  const codeFiles = [...new Set([entry, 'server.js', 'index.js', 'app.js', 'main.js', 'src/index.ts', 'src/server.ts', 'src/main.ts', 'src/app.ts', 'src/index.js', 'src/server.js'].filter((f): f is string => Boolean(f)))];
  const present = [];
  for (const f of codeFiles) if (await folder.isFile(f)) present.push(f);
  let port = await scanPort(folder, present);
  if (!port && framework) port = { port: framework.port, confidence: 'medium', source: `${framework.findings[0].source} (${framework.name} default)`, readsPortEnv: true, snippet: '' };

  const native = nodeNativeDeps(pkg.dependencies);
  if (native) findings.push(native.finding);
  const manifests = ['package.json'];
  if (manager.lockfile) manifests.push(manager.lockfile);
  if (manager.name === 'yarn-berry') manifests.push('.yarnrc.yml');
  return {
    runtime: 'node',
    version,
    packageManager: manager.name,
    install,
    build,
    prune: build && install ? pruneCommand(manager) : null,
    start,
    port: port?.port ?? 3000,
    portConfidence: port?.confidence ?? 'low',
    readsPortEnv: port?.readsPortEnv ?? true,
    manifests,
    imageEnv: { NODE_ENV: 'production', ...framework?.imageEnv },
    native,
    findings,
    snippets: { port: port?.snippet || undefined, start: startSnippet },
    sources: {
      runtime: 'package.json',
      version: versionSource,
      packageManager: manager.source,
      install: install ? manager.source : DEFAULT,
      build: buildScript ? 'package.json:scripts.build' : framework ? framework.findings[0].source : build ? 'tsconfig.json' : DEFAULT,
      start: startSource,
      port: port?.source ?? DEFAULT,
    },
    notes,
  };
}
