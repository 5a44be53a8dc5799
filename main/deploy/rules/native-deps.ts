import type { PlanFinding } from '../../../shared/api/deploy';
import type { AppFolder } from '../folder';

/** Packages that compile at install, with the Debian packages they need to build and to run. */
export interface NativeDeps {
  packages: string[];
  /** Debian packages for the build stage (compiler, -dev libraries). */
  buildApt: string[];
  /** Debian packages the final stage needs at run time (shared libraries only). */
  runtimeApt: string[];
  finding: PlanFinding;
}

type Table = Record<string, { build: string[]; run: string[] }>;
const CC = ['build-essential'];

const NODE: Table = {
  bcrypt: { build: [], run: [] },
  argon2: { build: [], run: [] },
  sqlite3: { build: [], run: [] },
  'better-sqlite3': { build: [], run: [] },
  'pg-native': { build: ['libpq-dev'], run: ['libpq5'] },
  libpq: { build: ['libpq-dev'], run: ['libpq5'] },
  canvas: { build: ['libcairo2-dev', 'libpango1.0-dev', 'libjpeg-dev', 'libgif-dev', 'librsvg2-dev'], run: ['libcairo2', 'libpango-1.0-0', 'libpangocairo-1.0-0', 'libjpeg62-turbo', 'libgif7', 'librsvg2-2'] },
  'node-sass': { build: [], run: [] },
  re2: { build: [], run: [] },
  'cpu-features': { build: [], run: [] },
};

const PYTHON: Table = {
  psycopg2: { build: [...CC, 'libpq-dev'], run: ['libpq5'] },
  mysqlclient: { build: [...CC, 'default-libmysqlclient-dev', 'pkg-config'], run: ['libmariadb3'] },
  'python-ldap': { build: [...CC, 'libldap2-dev', 'libsasl2-dev'], run: ['libldap-2.5-0', 'libsasl2-2'] },
  uwsgi: { build: CC, run: [] },
  grpcio: { build: CC, run: [] },
  'mysql-python': { build: [...CC, 'default-libmysqlclient-dev', 'pkg-config'], run: ['libmariadb3'] },
};

const RUBY: Table = {
  pg: { build: ['libpq-dev'], run: ['libpq5'] },
  mysql2: { build: ['default-libmysqlclient-dev'], run: ['libmariadb3'] },
  sqlite3: { build: ['libsqlite3-dev'], run: ['libsqlite3-0'] },
  nokogiri: { build: ['libxml2-dev', 'libxslt1-dev'], run: ['libxml2', 'libxslt1.1'] },
  ffi: { build: ['libffi-dev'], run: ['libffi8'] },
  bcrypt: { build: [], run: [] },
  puma: { build: [], run: [] },
  nio4r: { build: [], run: [] },
  bootsnap: { build: [], run: [] },
  msgpack: { build: [], run: [] },
  'websocket-driver': { build: [], run: [] },
};

function collect(table: Table, names: Iterable<string>, withCompiler: boolean): Omit<NativeDeps, 'finding'> | null {
  const packages = [...new Set(names)].filter((n) => table[n]).sort();
  if (packages.length === 0) return null;
  const buildApt = new Set<string>(withCompiler ? CC : []);
  const runtimeApt = new Set<string>();
  for (const p of packages) {
    table[p].build.forEach((b) => buildApt.add(b));
    table[p].run.forEach((r) => runtimeApt.add(r));
  }
  return { packages, buildApt: [...buildApt], runtimeApt: [...runtimeApt] };
}

const sentence = (packages: string[], source: string, runtimeApt: string[]): PlanFinding => ({
  rule: 'native-deps',
  text: `${packages.join(', ')} compile${packages.length === 1 ? 's' : ''} native code at install: the plan builds in a stage with the compiler and -dev libraries, and the final image holds only ${runtimeApt.length ? `the runtime libraries (${runtimeApt.join(', ')})` : 'the built result'}.`,
  source,
});

/** Node: the image `node:<major>` (not -slim) has gcc, make and python3 for node-gyp. */
export function nodeNativeDeps(dependencies: Record<string, string> | undefined): NativeDeps | null {
  const found = collect(NODE, Object.keys(dependencies ?? {}), false);
  return found ? { ...found, finding: sentence(found.packages, 'package.json:dependencies', found.runtimeApt) } : null;
}

/** Python: psycopg2 (not psycopg2-binary), mysqlclient, … from the declared dependencies. */
export function pythonNativeDeps(dependencies: Set<string>, source: string): NativeDeps | null {
  const found = collect(PYTHON, dependencies, true);
  return found ? { ...found, finding: sentence(found.packages, source, found.runtimeApt) } : null;
}

/** Ruby: the gems in Gemfile.lock (or Gemfile) that build C extensions. */
export async function rubyNativeDeps(folder: AppFolder): Promise<NativeDeps | null> {
  const lock = await folder.text('Gemfile.lock');
  const text = lock ?? (await folder.text('Gemfile')) ?? '';
  const names = lock ? [...text.matchAll(/^ {4}([a-z0-9_-]+) \(/gm)].map((m) => m[1]) : [...text.matchAll(/^\s*gem\s+['"]([\w-]+)['"]/gm)].map((m) => m[1]);
  const found = collect(RUBY, names, true);
  return found ? { ...found, finding: sentence(found.packages, lock ? 'Gemfile.lock' : 'Gemfile', found.runtimeApt) } : null;
}
