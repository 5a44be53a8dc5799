import type { AppFolder } from './folder';

const CODE_PATTERNS = [
  /process\.env\.([A-Za-z_][A-Za-z0-9_]*)/g,
  /process\.env\[\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*\]/g,
  /os\.environ\[\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*\]/g,
  /os\.environ\.get\(\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]/g,
  /os\.getenv\(\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]/g,
  /ENV(?:\.fetch\(|\[)\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]/g,
  /os\.(?:Getenv|LookupEnv)\(\s*"([A-Za-z_][A-Za-z0-9_]*)"/g,
];

/** Set by Porthole or the runtime itself, so not something to ask the user for. */
const IGNORED = new Set(['PORT', 'NODE_ENV', 'HOME', 'PATH', 'PWD', 'HOSTNAME']);

/** `NAME=value` lines of a dotenv file (comments, blanks and `export ` prefixes allowed). */
export function parseDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(raw);
    if (!m) continue;
    let value = m[2].trim();
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[1] === '"' ? quoted[2].replace(/\\n/g, '\n') : quoted[2];
    else value = value.replace(/\s+#.*$/, '');
    out[m[1]] = value;
  }
  return out;
}

/** Names (never values) of the variables the app declares or reads, and where they came from. */
export async function scanEnv(folder: AppFolder, codeFiles: string[]): Promise<{ names: string[]; sources: string[] }> {
  const names = new Set<string>();
  const sources: string[] = [];
  for (const file of ['.env', '.env.example', '.env.sample', '.env.template']) {
    const text = await folder.text(file);
    if (text === null) continue;
    const found = Object.keys(parseDotenv(text)).filter((n) => !IGNORED.has(n));
    if (found.length) sources.push(file);
    found.forEach((n) => names.add(n));
  }
  for (const file of codeFiles) {
    const text = await folder.text(file);
    if (!text) continue;
    let hit = false;
    for (const re of CODE_PATTERNS) {
      for (const m of text.matchAll(re)) {
        if (IGNORED.has(m[1])) continue;
        names.add(m[1]);
        hit = true;
      }
    }
    if (hit) sources.push(file);
  }
  return { names: [...names].sort(), sources };
}
