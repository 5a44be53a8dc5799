import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import { detectPlan } from '../../main/deploy/detect';
import { explainPlan } from '../../main/cli/explain-plan';
import { missingRequiredEnv, refuseMissingRequiredEnv } from '../../main/deploy/required-env-check';
import { newestAllowed, nodeMajor, pythonMinor, rubyMinor, PYTHON_MINORS } from '../../main/deploy/versions';

const FIXTURES = join(__dirname, '../fixtures/deploy');
const temps: string[] = [];
afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

/** A throwaway app folder from a map of relative paths to contents. */
async function app(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'porthole-rules-'));
  temps.push(dir);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

/** The final stage's instructions (after the last FROM), keyword and arguments. */
function finalStage(file: Dockerfile): string[] {
  const all = file.getInstructions();
  const lastFrom = all.map((i) => i.getKeyword()).lastIndexOf('FROM');
  return all.slice(lastFrom).map((i) => i.getTextContent());
}

describe('deploy rules: generated Dockerfiles parse, and each trap\'s fix is in them (dockerfile-ast)', () => {
  const generated = ['node-version-pin', 'node-no-start-script', 'node-nextjs-standalone', 'node-localhost-bind', 'node-required-env', 'node-native-deps', 'node-procfile-nodemon', 'node-data-path', 'python-django-prod', 'python-flask-localhost', 'ruby-rack3-rackup', 'ruby-rails-pg', 'go-toolchain-required-env'];
  for (const name of generated) {
    it(`${name}: valid instructions, non-root user, EXPOSE = port, exec-form CMD`, async () => {
      const plan = await detectPlan(join(FIXTURES, name));
      const file = DockerfileParser.parse(plan.dockerfile);
      const keywords = file.getInstructions().map((i) => i.getKeyword());
      const known = new Set(['FROM', 'RUN', 'COPY', 'ENV', 'WORKDIR', 'USER', 'EXPOSE', 'CMD', 'VOLUME']);
      expect(keywords.filter((k) => !known.has(k))).toEqual([]);
      const last = finalStage(file);
      expect(last.find((l) => l.startsWith('USER '))).not.toMatch(/^USER (root|0)$/);
      expect(last).toContain(`EXPOSE ${plan.port}`);
      expect(last.at(-1)).toBe(`CMD ${JSON.stringify(plan.startArgs).replace(/","/g, '", "')}`);
      for (const f of plan.findings) expect(f.source).toMatch(/\S/);
    });
  }

  it('native deps: a build stage with the compiler and -dev libraries, a final stage with runtime libraries only', async () => {
    for (const [name, dev, runtime] of [['python-django-prod', 'libpq-dev', 'libpq5'], ['ruby-rails-pg', 'libpq-dev', 'libpq5'], ['node-native-deps', 'libpq-dev', 'libpq5']] as const) {
      const file = DockerfileParser.parse((await detectPlan(join(FIXTURES, name))).dockerfile);
      const froms = file.getFROMs();
      expect(froms, name).toHaveLength(2);
      expect(froms[0].getBuildStage()).toBe('build');
      const buildText = file.getInstructions().slice(0, file.getInstructions().indexOf(froms[1])).map((i) => i.getTextContent()).join('\n');
      expect(buildText).toContain(dev);
      const last = finalStage(file).join('\n');
      expect(last).toContain(runtime);
      expect(last).not.toMatch(/build-essential|-dev\b/);
      expect(last).toMatch(/COPY --from=build/);
    }
    expect(DockerfileParser.parse((await detectPlan(join(FIXTURES, 'node-native-deps'))).dockerfile).getFROMs()[0].getImageTag()).toBe('22');
  });

  it('data paths: the directory is owned by the app user, declared a volume, and the variable points at it', async () => {
    const plan = await detectPlan(join(FIXTURES, 'node-data-path'));
    const last = finalStage(DockerfileParser.parse(plan.dockerfile));
    expect(last).toContain('RUN mkdir -p /data && chown node:node /data');
    expect(last).toContain('VOLUME ["/data"]');
    expect(last.join('\n')).toMatch(/NOTES_DB=\/data\/notes\.db/);
    expect(plan.findings.find((f) => f.rule === 'data-path')?.source).toBe('server.js:6');
  });

  it('a literal data path outside the app gets its own directory and volume', async () => {
    const dir = await app({ 'package.json': '{"name":"lit","scripts":{"start":"node s.js"}}', 's.js': "const db = new Database('/var/lib/lit/lit.sqlite');\nrequire('http').createServer().listen(3000);\n" });
    const plan = await detectPlan(dir);
    expect(plan.dockerfile).toContain('RUN mkdir -p /var/lib/lit && chown node:node /var/lib/lit');
    expect(plan.dockerfile).toContain('VOLUME ["/var/lib/lit"]');
  });
});

describe('deploy rules: versions (exact pins beat ranges; a bare range takes the newest it allows)', () => {
  it('maps ranges to the newest supported version', () => {
    expect(nodeMajor('>=18')).toBe('24');
    expect(nodeMajor('>=18 <21')).toBe('20');
    expect(nodeMajor('^20.1')).toBe('20');
    expect(nodeMajor('18.x')).toBe('18');
    expect(pythonMinor('>=3.9')).toBe(PYTHON_MINORS.at(-1));
    expect(pythonMinor('>=3.9,<3.12')).toBe('3.11');
    expect(pythonMinor('^3.10')).toBe(PYTHON_MINORS.at(-1));
    expect(pythonMinor('~=3.11.2')).toBe('3.11');
    expect(pythonMinor('python-3.11.6')).toBe('3.11');
    expect(rubyMinor('>= 3.2, < 4.0')).toBe('3.4');
    expect(rubyMinor('~> 3.2')).toBe('3.4');
    expect(rubyMinor('~> 3.2.0')).toBe('3.2');
    expect(rubyMinor('3.2.4p170')).toBe('3.2');
    expect(newestAllowed('< 3.0', ['3.1'])).toBe('3.0');
  });

  it('a pin in a tool file wins over package.json engines, pyproject, the Gemfile and go.mod\'s go line', async () => {
    const cases: [string, string, string][] = [
      ['node-version-pin', '20', '.nvmrc'],
      ['python-django-prod', '3.11', '.python-version'],
      ['ruby-rack3-rackup', '3.2', 'Gemfile.lock:RUBY VERSION'],
      ['go-toolchain-required-env', '1.22', 'go.mod:toolchain'],
    ];
    for (const [name, version, source] of cases) {
      const plan = await detectPlan(join(FIXTURES, name));
      expect([plan.version, plan.sources.version], name).toEqual([version, source]);
      expect(plan.findings.some((f) => f.rule === 'version'), name).toBe(true);
    }
  });
});

describe('deploy rules: bind address, required env, entry points', () => {
  it('HOST with a loopback default is set to 0.0.0.0 in the image', async () => {
    const dir = await app({ 'package.json': '{"name":"h","scripts":{"start":"node s.js"}}', 's.js': "const host = process.env.HOST || '127.0.0.1';\nrequire('http').createServer().listen(process.env.PORT || 3000, host);\n" });
    const plan = await detectPlan(dir);
    expect(plan.dockerfile).toMatch(/HOST=0\.0\.0\.0/);
    expect(plan.findings[0]).toMatchObject({ rule: 'bind-address', source: 's.js:1' });
  });

  it('a literal loopback bind is a warning in words, and with its own Dockerfile the fix is named', async () => {
    const literal = await detectPlan(join(FIXTURES, 'go-toolchain-required-env'));
    expect(literal.findings.find((f) => f.rule === 'bind-address')).toMatchObject({ warning: true, source: 'main.go:16' });
    const own = await app({ Dockerfile: 'FROM node:22-slim\nCOPY . .\nEXPOSE 3000\nCMD ["node", "s.js"]\n', 's.js': "const host = process.env.HOST || 'localhost';\nif (!process.env.PORT) throw new Error('PORT');\n" });
    const plan = await detectPlan(own);
    expect(plan.findings[0].text).toMatch(/add ENV HOST=0\.0\.0\.0/);
    expect(plan.requiredEnv).toEqual([{ name: 'PORT', source: 's.js:2', snippet: "if (!process.env.PORT) throw new Error('PORT');", providedBy: 'porthole' }]);
  });

  it('required variables come with file:line, and .env provides them', async () => {
    const dir = await app({
      'package.json': '{"name":"r","scripts":{"start":"node s.js"}}',
      's.js': "if (!process.env.A) {\n  process.exit(1);\n}\nconst b = process.env.B ?? (() => { throw new Error('B') })();\nif (!process.env.OPTIONAL) console.log('fine');\n",
      '.env': 'B=from-dotenv\n',
    });
    const plan = await detectPlan(dir);
    expect(plan.requiredEnv.map((r) => [r.name, r.source, r.providedBy])).toEqual([['A', 's.js:1', null], ['B', 's.js:4', '.env']]);
    expect(missingRequiredEnv(plan, new Set()).map((r) => r.name)).toEqual(['A']);
    expect(missingRequiredEnv(plan, new Set(['A']))).toEqual([]);
    // The server refuses the same deploy any client sends, and a blank value counts as none.
    expect(() => refuseMissingRequiredEnv(plan, { A: '  ' })).toThrow(expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining('A (s.js:1: if (!process.env.A) {)') }));
    expect(() => refuseMissingRequiredEnv(plan, { A: 'x' })).not.toThrow();
    const ruby = await detectPlan(join(FIXTURES, 'ruby-rack3-rackup'));
    expect(ruby.requiredEnv.map((r) => [r.name, r.source])).toEqual([['SESSION_SECRET', 'config.ru:1']]);
    const rails = await detectPlan(join(FIXTURES, 'ruby-rails-pg'));
    expect(rails.requiredEnv.map((r) => r.name)).toEqual(['SECRET_KEY_BASE']);
  });

  it('with no start script, the entry comes from the file that calls listen', async () => {
    const dir = await app({ 'package.json': '{"name":"l"}', 'lib/web.js': "require('http').createServer().listen(process.env.PORT || 3000);\n" });
    const plan = await detectPlan(dir);
    expect(plan.startArgs).toEqual(['node', 'lib/web.js']);
    expect(plan.sources.start).toBe('lib/web.js:1');
  });

  it('--explain prints sentences with sources and quoted lines', async () => {
    const lines = explainPlan(await detectPlan(join(FIXTURES, 'node-required-env')));
    expect(lines).toContain('It listens on port 8080 from server.js:8 `const port = process.env.PORT || 8080;` (high confidence).');
    expect(lines.join('\n')).toMatch(/API_TOKEN is required: server\.js:3 `if \(!process\.env\.API_TOKEN\) \{` stops the app without it; give it with --env API_TOKEN=…/);
  });
});
