// Builds (electron-vite build) when out/ is missing or older than any source file, so `npm run serve`
// works on a fresh clone and stays fast when nothing changed.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outputs = ['out/main/cli.js', 'out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html'].map((p) => join(root, p));
const sources = ['main', 'preload', 'renderer', 'shared', 'electron.vite.config.ts', 'package.json'];

function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    max = Math.max(max, newest(join(path, entry)));
  }
  return max;
}

const missing = outputs.some((p) => !existsSync(p));
const built = missing ? 0 : Math.min(...outputs.map((p) => statSync(p).mtimeMs));
const changed = sources.map((s) => join(root, s)).filter(existsSync).some((s) => newest(s) > built);
if (missing || changed) {
  console.error('porthole: building (electron-vite build)…');
  execSync('npx electron-vite build', { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}
