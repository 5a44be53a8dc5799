// `npm test`: every layer, in order: engine set-up, typecheck-free unit tests, integration tests against the
// real dockerd, e2e in Debian Chromium through the browser host. Prints one closing line:
// "tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
const only = process.argv.slice(2);
const wants = (layer) => only.length === 0 || only.includes(layer);

function run(command, args, env = {}) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

let failedSteps = 0;
const totals = { passed: 0, failed: 0, skipped: 0 };

// 1. An engine (and the registry, Chromium, busybox) where this machine allows installing them.
if (wants('integration') || wants('e2e')) {
  if (run('bash', ['scripts/engine.sh']) !== 0) failedSteps++;
  if (run('bash', ['scripts/registry.sh']) !== 0) failedSteps++;
}

// 2. Unit and integration tests (vitest).
const projects = ['unit', 'integration'].filter(wants);
if (projects.length) {
  const out = join(results, 'vitest.json');
  const code = run('npx', ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += j.numPassedTests;
    totals.failed += j.numFailedTests;
    totals.skipped += j.numPendingTests + j.numTodoTests;
  }
  if (code !== 0) failedSteps++;
}

// 3. End-to-end in Chromium through `porthole serve`.
if (wants('e2e')) {
  const out = join(results, 'e2e.json');
  const code = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  if (existsSync(out)) {
    const s = JSON.parse(readFileSync(out, 'utf8')).stats;
    totals.passed += s.expected + s.flaky;
    totals.failed += s.unexpected;
    totals.skipped += s.skipped;
  }
  if (code !== 0) failedSteps++;
}

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps > 0 || totals.failed > 0 ? 1 : 0);
