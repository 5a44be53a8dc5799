import type { AppFolder } from '../folder';
import { firstLine, toolVersion } from '../folder';
import { nodeMajor, NODE_LTS } from '../versions';
import { scanPort } from '../port-scan';
import { splitWords } from '../shell-words';
import { DEFAULT, type Detection } from '../types';

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

async function detectVersion(folder: AppFolder, pkg: Pkg): Promise<{ version: string; source: string }> {
  const candidates: [string | null | undefined, string][] = [
    [pkg.engines?.node, 'package.json:engines.node'],
    [firstLine(await folder.text('.nvmrc')), '.nvmrc'],
    [firstLine(await folder.text('.node-version')), '.node-version'],
    [toolVersion(await folder.text('.tool-versions'), 'nodejs') ?? toolVersion(await folder.text('.tool-versions'), 'node'), '.tool-versions:nodejs'],
    [pkg.volta?.node, 'package.json:volta.node'],
  ];
  for (const [spec, source] of candidates) {
    const major = spec ? nodeMajor(spec) : null;
    if (major) return { version: major, source };
  }
  return { version: String(NODE_LTS), source: DEFAULT };
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

async function detectStart(folder: AppFolder, pkg: Pkg, m: Manager, typescript: boolean): Promise<{ start: string[] | null; source: string; entry: string | null }> {
  const procfile = /^web:\s*(.+)$/m.exec((await folder.text('Procfile')) ?? '');
  if (procfile) {
    const words = splitWords(procfile[1].trim());
    return { start: words ?? ['sh', '-c', procfile[1].trim()], source: 'Procfile:web', entry: words?.[0] === 'node' ? (words[1] ?? null) : null };
  }
  const script = pkg.scripts?.start;
  if (script) {
    const words = splitWords(script);
    // `node file` runs directly: no package manager as PID 1, so signals reach the app.
    if (words && words[0] === 'node' && words.length >= 2) return { start: words, source: 'package.json:scripts.start', entry: words.find((w, i) => i > 0 && !w.startsWith('-')) ?? null };
    return { start: m.name === 'npm' || m.name === 'bun' ? ['npm', 'start'] : [m.name === 'yarn-berry' ? 'yarn' : m.name, 'start'], source: 'package.json:scripts.start', entry: null };
  }
  if (pkg.main && (typescript || (await folder.isFile(pkg.main)))) return { start: ['node', pkg.main], source: 'package.json:main', entry: pkg.main };
  if (typescript) {
    const outDir = await tsOutDir(folder);
    for (const src of ['src/index.ts', 'src/server.ts', 'src/main.ts', 'index.ts', 'server.ts']) {
      if (await folder.isFile(src)) {
        const out = `${outDir}/${src.replace(/^src\//, '').replace(/\.ts$/, '.js')}`;
        return { start: ['node', out], source: `tsconfig.json:outDir (${src})`, entry: src };
      }
    }
  }
  for (const file of ['server.js', 'index.js', 'app.js', 'main.js', 'server.mjs', 'index.mjs', 'app.mjs']) {
    if (folder.has(file)) return { start: ['node', file], source: file, entry: file };
  }
  return { start: null, source: DEFAULT, entry: null };
}

export async function detectNode(folder: AppFolder): Promise<Detection | null> {
  const pkg = (await folder.json('package.json')) as Pkg | null;
  if (!pkg) return null;
  const notes: string[] = [];
  const { version, source: versionSource } = await detectVersion(folder, pkg);
  const manager = await detectManager(folder, pkg);
  if (manager.name === 'bun') notes.push('A Bun lockfile was found; Porthole builds with npm on the official Node image. Change the Dockerfile to use oven/bun if the app needs Bun.');
  const deps = Object.keys(pkg.dependencies ?? {}).length;
  const typescript = folder.has('tsconfig.json') && Boolean(pkg.devDependencies?.typescript ?? pkg.dependencies?.typescript);
  const buildScript = pkg.scripts?.build;
  const build = buildScript ? run(manager, 'build') : typescript ? 'npx tsc' : null;
  const hasDevDeps = Object.keys(pkg.devDependencies ?? {}).length > 0;
  const needsInstall = deps > 0 || manager.lockfile !== null || (build !== null && hasDevDeps);
  const install = needsInstall ? installCommand(manager, build !== null) : null;
  const { start, source: startSource, entry } = await detectStart(folder, pkg, manager, typescript);

  const codeFiles = [...new Set([entry, 'server.js', 'index.js', 'app.js', 'main.js', 'src/index.ts', 'src/server.ts', 'src/main.ts', 'src/app.ts', 'src/index.js', 'src/server.js'].filter((f): f is string => Boolean(f)))];
  const present = [];
  for (const f of codeFiles) if (await folder.isFile(f)) present.push(f);
  let port = await scanPort(folder, present);
  if (!port && /\bnext\b/.test(pkg.scripts?.start ?? '')) port = { port: 3000, confidence: 'medium', source: 'package.json:scripts.start (next start)', readsPortEnv: true };

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
    imageEnv: { NODE_ENV: 'production' },
    sources: {
      runtime: 'package.json',
      version: versionSource,
      packageManager: manager.source,
      install: install ? manager.source : DEFAULT,
      build: buildScript ? 'package.json:scripts.build' : build ? 'tsconfig.json' : DEFAULT,
      start: startSource,
      port: port?.source ?? DEFAULT,
    },
    notes,
  };
}
