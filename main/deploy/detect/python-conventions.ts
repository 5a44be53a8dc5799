import type { PlanFinding } from '../../../shared/api/deploy';
import type { AppFolder } from '../folder';
import { findLines, at } from '../rules/code-lines';

export interface PythonConventions {
  install: string | null;
  build: string | null;
  buildSource: string;
  start: string[] | null;
  startSource: string;
  env: string[];
  findings: PlanFinding[];
}

/** Server programs a start command may name, and the package that provides each. */
const PROVIDERS: Record<string, string> = { gunicorn: 'gunicorn', uvicorn: 'uvicorn', 'waitress-serve': 'waitress', hypercorn: 'hypercorn', daphne: 'daphne' };

/**
 * What Django, Flask and FastAPI need in production beyond the start command: collectstatic at build, the
 * settings a production Django reads, a server program the dependencies do not provide, and `runserver`'s loopback bind.
 */
export async function pythonConventions(folder: AppFolder, framework: string | null, deps: Set<string>, start: string[] | null, startSource: string, install: string | null): Promise<PythonConventions> {
  const out: PythonConventions = { install, build: null, buildSource: 'default', start, startSource, env: [], findings: [] };
  const program = start?.[0] === 'python' && start[1] === '-m' ? start[2] : start?.[0];
  const provider = program ? PROVIDERS[program] : undefined;
  if (provider && !deps.has(provider)) {
    out.install = `${install ? `${install} && ` : ''}pip install --no-cache-dir ${provider}`;
    out.findings.push({ rule: 'command', text: `The start command runs ${program}, but no dependency provides it; the plan also installs ${provider}.`, source: startSource, snippet: start!.join(' ') });
  }
  // `python app.py` runs Flask's dev server, which binds 127.0.0.1 unless app.run() says host=; the flask CLI can say it.
  const runs = start?.[0] === 'python' && start[1]?.endsWith('.py') ? start[1] : null;
  const runLine = runs && deps.has('flask') ? (await findLines(folder, [runs], /\bapp\.run\((?![^)]*host\s*=)/))[0] : undefined;
  if (runs && runLine) {
    const port = /port\s*=\s*(\d+)/.exec(runLine.snippet)?.[1] ?? '5000';
    out.start = ['flask', '--app', runs.replace(/\.py$/, '').replace(/\//g, '.'), 'run', '--host', '0.0.0.0', '--port', port];
    out.startSource = `${startSource} → ${at(runLine)}`;
    out.findings.push({ rule: 'bind-address', text: `${runs} calls app.run() without host=, which listens on 127.0.0.1 only; the plan runs the same app with \`${out.start.join(' ')}\` so it is reachable.`, source: at(runLine), snippet: runLine.snippet });
  }
  if (start && start.includes('runserver') && !start.some((w) => /^(0\.0\.0\.0|\[::\]):?\d*$/.test(w))) {
    const port = start.find((w) => /^\d+$/.test(w)) ?? '8000';
    out.start = [...start.filter((w) => !/^(127\.0\.0\.1:|localhost:)?\d+$/.test(w)), `0.0.0.0:${port}`];
    out.findings.push({ rule: 'bind-address', text: `manage.py runserver listens on 127.0.0.1 unless told; the plan runs it on 0.0.0.0:${port}. runserver is a development server: gunicorn is the production choice.`, source: startSource, snippet: start.join(' '), warning: false });
  }
  if (framework !== 'django' && framework !== 'django-no-gunicorn') return out;

  const settingsFiles = (await folder.sourceFiles(['settings.py'], 5, 3)).concat((await folder.sourceFiles(['.py'], 40, 3)).filter((f) => /settings\/(base|production|prod)\.py$/.test(f)));
  const reads = await findLines(folder, settingsFiles, /(?:os\.environ(?:\.get)?\(?\[?|os\.getenv\(|env(?:\.\w+)?\()\s*['"]((?:DJANGO_)?(?:SECRET_KEY|ALLOWED_HOSTS|DEBUG))['"]/);
  const named = new Set(reads.map((h) => h.match[1]));
  const secret = [...named].find((n) => n.endsWith('SECRET_KEY')) ?? 'DJANGO_SECRET_KEY';
  const hosts = [...named].find((n) => n.endsWith('ALLOWED_HOSTS')) ?? 'DJANGO_ALLOWED_HOSTS';
  out.env = [secret, hosts, 'DATABASE_URL'];
  const settings = settingsFiles[0] ?? 'settings.py';
  out.findings.push({
    rule: 'framework',
    text: `Django in production needs a secret key (${secret}), ALLOWED_HOSTS that include the host it is reached by (${hosts}) and, with a database server, DATABASE_URL; ${named.size ? `the settings read ${[...named].join(', ')}` : 'the settings read none of them from the environment, so set them in settings.py or make it read these'}.`,
    source: named.size ? at(reads[0]) : `${settings} (Django convention)`,
    snippet: reads[0]?.snippet,
  });
  const emptyHosts = (await findLines(folder, settingsFiles, /^ALLOWED_HOSTS\s*=\s*\[\s*\]/))[0];
  if (emptyHosts) out.findings.push({ rule: 'framework', text: 'ALLOWED_HOSTS is empty: with DEBUG off Django answers 400 to every request. Add "localhost" (or read it from the environment).', source: at(emptyHosts), snippet: emptyHosts.snippet, warning: true });
  const staticRoot = (await findLines(folder, settingsFiles, /^STATIC_ROOT\s*=/))[0];
  if (staticRoot) {
    // Settings that read the secret key at import need some value to run collectstatic; it never reaches the image.
    out.build = `${secret}=collectstatic-only python manage.py collectstatic --noinput`;
    out.buildSource = at(staticRoot);
    out.findings.push({ rule: 'framework', text: 'Django collects static files at build (`manage.py collectstatic`) into STATIC_ROOT.', source: at(staticRoot), snippet: staticRoot.snippet });
  } else {
    out.findings.push({ rule: 'framework', text: 'STATIC_ROOT is not set, so `collectstatic` cannot run at build: static files will not be served with DEBUG off. Set STATIC_ROOT (and serve it, e.g. with WhiteNoise).', source: `${settings} (Django convention)`, warning: true });
  }
  return out;
}
