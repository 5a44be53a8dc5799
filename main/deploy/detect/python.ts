import { parse as parseToml } from 'smol-toml';
import type { AppFolder } from '../folder';
import { firstLine, toolVersion } from '../folder';
import { isExactVersion, pythonMinor, PYTHON_DEFAULT } from '../versions';
import type { PlanFinding } from '../../../shared/api/deploy';
import { pythonNativeDeps } from '../rules/native-deps';
import { pythonConventions } from './python-conventions';
import { scanPort } from '../port-scan';
import { splitWords } from '../shell-words';
import { DEFAULT, type Detection } from '../types';

type Toml = Record<string, unknown>;

function tomlOf(text: string | null): Toml | null {
  if (!text) return null;
  try {
    return parseToml(text) as Toml;
  } catch {
    return null;
  }
}

const get = (obj: unknown, path: string[]): unknown => path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);

async function detectVersion(folder: AppFolder, pyproject: Toml | null, pipfile: Toml | null): Promise<{ version: string; source: string; finding: PlanFinding | null }> {
  const uvLock = await folder.text('uv.lock');
  const poetryLock = await folder.text('poetry.lock');
  // Pins (a tool file) first, then ranges from manifests and lockfile metadata.
  const candidates: [unknown, string][] = [
    [firstLine(await folder.text('.python-version')), '.python-version'],
    [firstLine(await folder.text('runtime.txt')), 'runtime.txt'],
    [toolVersion(await folder.text('.tool-versions'), 'python'), '.tool-versions:python'],
    [get(pipfile, ['requires', 'python_full_version']) ?? get(pipfile, ['requires', 'python_version']), 'Pipfile:requires.python_version'],
    [get(pyproject, ['project', 'requires-python']), 'pyproject.toml:project.requires-python'],
    [get(pyproject, ['tool', 'poetry', 'dependencies', 'python']), 'pyproject.toml:tool.poetry.dependencies.python'],
    [uvLock ? /^requires-python\s*=\s*"([^"]+)"/m.exec(uvLock)?.[1] : null, 'uv.lock:requires-python'],
    [poetryLock ? /^python-versions\s*=\s*"([^"]+)"/m.exec(poetryLock)?.[1] : null, 'poetry.lock:metadata.python-versions'],
  ];
  const usable = candidates.filter((c): c is [string, string] => typeof c[0] === 'string' && pythonMinor(c[0]) !== null);
  const chosen = usable.find(([spec]) => isExactVersion(spec.replace(/^python-/, ''))) ?? usable[0];
  if (!chosen) return { version: PYTHON_DEFAULT, source: DEFAULT, finding: null };
  const [spec, source] = chosen;
  const version = pythonMinor(spec)!;
  const range = usable.find(([s]) => !isExactVersion(s.replace(/^python-/, '')));
  let finding: PlanFinding | null = null;
  if (range && range[1] !== source) finding = { rule: 'version', text: `${range[1]} allows "${range[0]}", and ${source} pins ${spec}: Python ${version} (the pin wins over the range).`, source, snippet: spec };
  else if (range) finding = { rule: 'version', text: `${source} is a range ("${spec}") and nothing pins an exact version: Python ${version}, the newest the range allows.`, source, snippet: spec };
  return { version, source, finding };
}

/** Every dependency name the project declares, lower-cased, from whichever manifests exist. */
function dependencyNames(requirements: string | null, pyproject: Toml | null, pipfile: Toml | null): Set<string> {
  const names = new Set<string>();
  const add = (spec: string) => {
    const m = /^\s*([A-Za-z0-9_.-]+)/.exec(spec);
    if (m && !spec.trim().startsWith('#') && !spec.trim().startsWith('-')) names.add(m[1].toLowerCase().replace(/_/g, '-'));
  };
  requirements?.split(/\r?\n/).forEach(add);
  const projectDeps = get(pyproject, ['project', 'dependencies']);
  if (Array.isArray(projectDeps)) projectDeps.forEach((d) => typeof d === 'string' && add(d));
  for (const table of [get(pyproject, ['tool', 'poetry', 'dependencies']), get(pipfile, ['packages'])]) {
    if (table && typeof table === 'object') Object.keys(table).forEach(add);
  }
  return names;
}

async function managerOf(folder: AppFolder, pyproject: Toml | null): Promise<{ name: string; install: string | null; manifests: string[]; setup: string[]; source: string; notes: string[] }> {
  const locks = ['poetry.lock', 'Pipfile.lock', 'uv.lock', 'pdm.lock'].filter((f) => folder.has(f));
  const notes = locks.length > 1 ? [`More than one lockfile (${locks.join(', ')}): Porthole uses the first; remove the others if they are stale.`] : [];
  if (folder.has('poetry.lock') || get(pyproject, ['tool', 'poetry'])) {
    const manifests = ['pyproject.toml', ...(folder.has('poetry.lock') ? ['poetry.lock'] : [])];
    return { name: 'poetry', install: 'poetry install --only main --no-root --no-interaction', manifests, setup: ['RUN pip install --no-cache-dir poetry && poetry config virtualenvs.create false'], source: folder.has('poetry.lock') ? 'poetry.lock' : 'pyproject.toml:tool.poetry', notes };
  }
  if (folder.has('Pipfile')) {
    const manifests = ['Pipfile', ...(folder.has('Pipfile.lock') ? ['Pipfile.lock'] : [])];
    return { name: 'pipenv', install: `pipenv install --system${folder.has('Pipfile.lock') ? ' --deploy' : ''}`, manifests, setup: ['RUN pip install --no-cache-dir pipenv'], source: 'Pipfile', notes };
  }
  if (folder.has('requirements.txt')) return { name: 'pip', install: 'pip install --no-cache-dir -r requirements.txt', manifests: ['requirements.txt'], setup: [], source: 'requirements.txt', notes };
  if (pyproject && get(pyproject, ['project'])) return { name: 'pip', install: 'pip install --no-cache-dir .', manifests: [], setup: [], source: 'pyproject.toml:project', notes };
  return { name: 'pip', install: null, manifests: [], setup: [], source: DEFAULT, notes };
}

async function moduleWith(folder: AppFolder, files: string[], re: RegExp): Promise<string | null> {
  for (const f of files) if (re.test((await folder.text(f)) ?? '')) return f;
  return null;
}

const moduleName = (file: string): string => file.replace(/\.py$/, '').replace(/\//g, '.');

/** Apps built on a framework object (`app = FastAPI()`): how to find it, its default port, and how to serve it. */
const APP_FRAMEWORKS = [
  {
    framework: 'fastapi',
    imports: /from fastapi import|import fastapi/,
    maker: 'FastAPI',
    defaultFile: 'main.py',
    port: 8000,
    portSource: 'default (uvicorn)',
    start: (module: string, appVar: string) => ['uvicorn', `${module}:${appVar}`, '--host', '0.0.0.0', '--port', '8000'],
  },
  {
    framework: 'flask',
    imports: /from flask import|import flask/,
    maker: 'Flask',
    defaultFile: 'app.py',
    port: 5000,
    portSource: 'default (Flask)',
    // Flask's own dev server binds 127.0.0.1 unless told; gunicorn when the app depends on it.
    start: (module: string, appVar: string, deps: Set<string>) =>
      deps.has('gunicorn') ? ['gunicorn', '--bind', '0.0.0.0:5000', `${module}:${appVar}`] : ['flask', '--app', module, 'run', '--host', '0.0.0.0', '--port', '5000'],
  },
] as const;

/** The first framework of APP_FRAMEWORKS the app depends on or imports, the module that makes its app object, and that object's name. */
async function appFramework(folder: AppFolder, pyFiles: string[], deps: Set<string>) {
  for (const app of APP_FRAMEWORKS) {
    if (!deps.has(app.framework) && !(await moduleWith(folder, pyFiles, app.imports))) continue;
    const file = (await moduleWith(folder, pyFiles, new RegExp(`=\\s*${app.maker}\\(`))) ?? app.defaultFile;
    const appVar = new RegExp(`(\\w+)\\s*=\\s*${app.maker}\\(`).exec((await folder.text(file)) ?? '')?.[1] ?? 'app';
    return { app, file, appVar };
  }
  return null;
}

export async function detectPython(folder: AppFolder): Promise<Detection | null> {
  const markers = ['requirements.txt', 'pyproject.toml', 'Pipfile', 'manage.py', 'app.py', 'main.py', 'setup.py', 'runtime.txt', '.python-version'];
  if (!markers.some((m) => folder.has(m))) return null;
  const pyproject = tomlOf(await folder.text('pyproject.toml'));
  const pipfile = tomlOf(await folder.text('Pipfile'));
  const { version, source: versionSource, finding: versionFinding } = await detectVersion(folder, pyproject, pipfile);
  const manager = await managerOf(folder, pyproject);
  const deps = dependencyNames(await folder.text('requirements.txt'), pyproject, pipfile);
  const pyFiles = (await folder.sourceFiles(['.py'], 40, 1)).filter((f) => !/(^|\/)(tests?|migrations)\//.test(f));

  let start: string[] | null = null;
  let startSource = DEFAULT;
  let port: number | null = null;
  let portSource = DEFAULT;
  let confidence: Detection['portConfidence'] = 'low';
  let framework: string | null = null;

  const procfile = /^web:\s*(.+)$/m.exec((await folder.text('Procfile')) ?? '');
  if (procfile) {
    const cmd = procfile[1].trim();
    start = splitWords(cmd) ?? ['sh', '-c', cmd];
    startSource = 'Procfile:web';
  }
  if (folder.has('manage.py') && (deps.has('django') || /django/i.test((await folder.text('manage.py')) ?? ''))) {
    framework = 'django';
    const settings = await moduleWith(folder, await folder.sourceFiles(['settings.py'], 10, 2), /WSGI_APPLICATION/);
    const wsgi = settings ? /WSGI_APPLICATION\s*=\s*['"]([\w.]+)\.application['"]/.exec((await folder.text(settings)) ?? '')?.[1] : null;
    const wsgiModule = wsgi ?? (await folder.sourceFiles(['wsgi.py'], 1, 2)).map(moduleName)[0] ?? null;
    if (!start && wsgiModule) {
      start = ['gunicorn', '--bind', '0.0.0.0:8000', `${wsgiModule}:application`];
      startSource = settings ? `${settings}:WSGI_APPLICATION` : 'manage.py';
    }
    port = 8000;
    portSource = 'default (Django with gunicorn)';
    confidence = 'medium';
    if (!deps.has('gunicorn')) framework = 'django-no-gunicorn';
  } else {
    const found = await appFramework(folder, pyFiles, deps);
    if (found) {
      const { app, file, appVar } = found;
      framework = app.framework;
      port = app.port;
      portSource = app.portSource;
      confidence = 'medium';
      if (!start) {
        start = app.start(moduleName(file), appVar, deps);
        startSource = `${file}:${app.maker}()`;
      }
    }
  }
  if (!start) {
    const file = ['main.py', 'app.py', 'server.py', 'wsgi.py'].find((f) => folder.has(f));
    if (file) {
      start = ['python', file];
      startSource = file;
    }
  }

  const scanned = await scanPort(folder, [...(folder.has('Procfile') ? ['Procfile'] : []), ...pyFiles]);
  if (scanned && (scanned.confidence === 'high' || confidence === 'low')) {
    port = scanned.port;
    portSource = scanned.source;
    confidence = scanned.confidence;
    if (start) start = start.map((w) => (w === '0.0.0.0:8000' || w === '0.0.0.0:5000' ? `0.0.0.0:${scanned.port}` : w)).map((w, i, all) => (all[i - 1] === '--port' ? String(scanned.port) : w));
  }
  const notes = [...manager.notes];
  if (framework === 'django-no-gunicorn') notes.push('Django without gunicorn in the dependencies: add gunicorn to requirements.txt, or change the start command.');
  const depsSource = manager.manifests[0] ?? 'requirements.txt';
  const native = pythonNativeDeps(deps, depsSource);
  const conventions = await pythonConventions(folder, framework, deps, start, startSource, manager.install);
  const findings = [...(versionFinding ? [versionFinding] : []), ...conventions.findings, ...(native ? [native.finding] : [])];
  return {
    runtime: 'python',
    version,
    packageManager: manager.name,
    install: conventions.install,
    build: conventions.build,
    port: port ?? 8000,
    portConfidence: confidence,
    manifests: manager.manifests,
    setup: manager.setup,
    notes,
    start: conventions.start,
    native,
    findings,
    conventionEnv: conventions.env,
    snippets: { port: scanned?.snippet },
    readsPortEnv: scanned?.readsPortEnv ?? false,
    imageEnv: { PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1' },
    sources: {
      runtime: markers.find((m) => folder.has(m)) ?? DEFAULT,
      version: versionSource,
      packageManager: manager.source,
      install: manager.install ? manager.source : DEFAULT,
      build: conventions.build ? conventions.buildSource : DEFAULT,
      start: conventions.startSource,
      port: portSource,
    },
  };
}
