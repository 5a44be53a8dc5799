import type { AppFolder } from '../folder';
import type { PlanFinding } from '../../../shared/api/deploy';
import { fixRackup, lockedGems, railsConventions, rubyVersion } from './ruby-conventions';
import { rubyNativeDeps } from '../rules/native-deps';
import { parseDotenv } from '../env-scan';
import { scanPort } from '../port-scan';
import { splitWords } from '../shell-words';
import { DEFAULT, type Detection } from '../types';

export async function detectRuby(folder: AppFolder): Promise<Detection | null> {
  if (!folder.has('Gemfile') && !folder.has('config.ru')) return null;
  const gemfile = (await folder.text('Gemfile')) ?? '';
  const lock = (await folder.text('Gemfile.lock')) ?? '';
  const { version, source: versionSource, finding: versionFinding } = await rubyVersion(folder, gemfile, lock);
  const gems = lockedGems(lock);
  const dotenv = new Set(Object.keys(parseDotenv((await folder.text('.env')) ?? '')));
  const rails = (await folder.isFile('config/application.rb')) || /gem\s+['"]rails['"]/.test(gemfile);
  const sinatra = /gem\s+['"]sinatra['"]/.test(gemfile);
  let start: string[] | null = null;
  let startSource = DEFAULT;
  let port = 9292;
  let portSource = 'default (rackup)';
  const procfile = /^web:\s*(.+)$/m.exec((await folder.text('Procfile')) ?? '');
  if (procfile) {
    start = splitWords(procfile[1].trim()) ?? ['sh', '-c', procfile[1].trim()];
    startSource = 'Procfile:web';
  } else if (rails) {
    start = ['bin/rails', 'server', '-b', '0.0.0.0', '-p', '3000'];
    startSource = 'config/application.rb';
    port = 3000;
    portSource = 'default (Rails)';
  } else if (folder.has('config.ru')) {
    start = ['bundle', 'exec', 'rackup', '-o', '0.0.0.0', '-p', '9292'];
    startSource = 'config.ru';
  } else if (sinatra) {
    const file = ['app.rb', 'server.rb', 'main.rb'].find((f) => folder.has(f));
    if (file) {
      start = ['bundle', 'exec', 'ruby', file, '-o', '0.0.0.0', '-p', '4567'];
      startSource = `${file} (Sinatra)`;
      port = 4567;
      portSource = 'default (Sinatra)';
    }
  }
  const scanned = await scanPort(folder, ['Procfile', 'config/puma.rb', 'config.ru', 'app.rb'].filter((f) => folder.has(f.split('/')[0])));
  let confidence: Detection['portConfidence'] = 'medium';
  if (scanned?.confidence === 'high') {
    port = scanned.port;
    portSource = scanned.source;
    confidence = 'high';
    start = start?.map((w, i, all) => (all[i - 1] === '-p' ? String(port) : w)) ?? null;
  }
  const rackup = fixRackup(start, startSource, gems, port);
  start = rackup.start;
  const railsFacts = rails ? await railsConventions(folder, dotenv) : null;
  const native = await rubyNativeDeps(folder);
  const findings = [versionFinding, rackup.finding, railsFacts?.finding, native?.finding].filter((f): f is PlanFinding => Boolean(f));
  const precompile = rails && (await folder.isDir('app/assets'));
  const manifests = ['Gemfile', ...(folder.has('Gemfile.lock') ? ['Gemfile.lock'] : [])];
  return {
    runtime: 'ruby',
    version,
    packageManager: 'bundler',
    install: folder.has('Gemfile') ? 'bundle install' : null,
    build: precompile ? 'SECRET_KEY_BASE_DUMMY=1 bin/rails assets:precompile' : null,
    native,
    findings,
    requiredEnv: railsFacts?.required,
    conventionEnv: railsFacts?.env,
    // Rails writes pids and logs under its own folder, which the non-root user does not own.
    writableDirs: rails ? ['/app/tmp', '/app/log'] : [],
    snippets: { port: scanned?.snippet, start: procfile?.[1].trim() },
    start,
    port,
    portConfidence: confidence,
    manifests: folder.has('Gemfile') ? manifests : [],
    imageEnv: { RACK_ENV: 'production', RAILS_ENV: 'production', BUNDLE_WITHOUT: 'development:test', BUNDLE_DEPLOYMENT: folder.has('Gemfile.lock') ? '1' : '0' },
    sources: {
      runtime: folder.has('Gemfile') ? 'Gemfile' : 'config.ru',
      version: versionSource,
      packageManager: folder.has('Gemfile.lock') ? 'Gemfile.lock' : 'Gemfile',
      install: 'Gemfile',
      build: precompile ? 'app/assets' : DEFAULT,
      start: startSource,
      port: portSource,
    },
    notes: [],
  };
}
