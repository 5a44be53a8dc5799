import type { RequiredEnv } from '../../../shared/api/deploy';
import type { AppFolder } from '../folder';
import { at, findLines, type LineHit } from './code-lines';

const NAME = '([A-Za-z_][A-Za-z0-9_]*)';
const EXITS = /process\.exit|throw\b|log\.Fatal|panic\(|os\.Exit|sys\.exit|raise\b|abort\b/;

/** A line or the few after it that stop the app. */
const stops = (hit: LineHit): boolean => EXITS.test(hit.snippet) || hit.after.slice(0, 3).some((l) => EXITS.test(l));

interface Rule {
  re: RegExp;
  /** Whether the hit by itself means "required" (e.g. Python's os.environ["X"] raises KeyError). */
  alone: boolean;
}

const RULES: Rule[] = [
  // JS: if (!process.env.X) { … process.exit / throw }
  { re: new RegExp(`if\\s*\\(\\s*!\\s*process\\.env(?:\\.${NAME}|\\[\\s*['"]${NAME}['"]\\s*\\])\\s*\\)`), alone: false },
  // JS: const x = process.env.X ?? throwMissing() / || (() => { throw … })()
  { re: new RegExp(`process\\.env\\.${NAME}\\s*(?:\\?\\?|\\|\\|)\\s*\\(?\\s*(?:\\(\\s*\\)\\s*=>\\s*\\{\\s*)?throw\\b`), alone: true },
  // Python: os.environ["X"] raises KeyError when X is missing (not when it is assigned to).
  { re: new RegExp(`os\\.environ\\[\\s*['"]${NAME}['"]\\s*\\](?!\\s*=[^=])`), alone: true },
  // Ruby: ENV.fetch("X") with neither a default nor a block raises KeyError.
  { re: new RegExp(`ENV\\.fetch\\(\\s*['"]${NAME}['"]\\s*\\)(?!\\s*\\{|\\s*do\\b)`), alone: true },
  // Go: if os.Getenv("X") == "" { log.Fatal… }
  { re: new RegExp(`os\\.Getenv\\(\\s*"${NAME}"\\s*\\)\\s*==\\s*""`), alone: false },
];

/** Go and others: `v := os.Getenv("X")` then `if v == "" { log.Fatal(…) }` within the next lines. */
const GO_ASSIGN = new RegExp(`(\\w+)\\s*:?=\\s*os\\.Getenv\\(\\s*"${NAME}"\\s*\\)`);

/** Variables the app exits or throws without, with the file and line that says so. */
export async function scanRequiredEnv(folder: AppFolder, codeFiles: string[], dotenvNames: Set<string>): Promise<RequiredEnv[]> {
  const found = new Map<string, RequiredEnv>();
  const add = (name: string, hit: LineHit) => {
    if (found.has(name)) return;
    found.set(name, { name, source: at(hit), snippet: hit.snippet, providedBy: name === 'PORT' ? 'porthole' : dotenvNames.has(name) ? '.env' : null });
  };
  for (const rule of RULES) {
    for (const hit of await findLines(folder, codeFiles, rule.re)) {
      const name = hit.match.slice(1).find(Boolean);
      if (name && (rule.alone || stops(hit))) add(name, hit);
    }
  }
  for (const hit of await findLines(folder, codeFiles.filter((f) => f.endsWith('.go')), GO_ASSIGN)) {
    const [, variable, name] = hit.match;
    const check = new RegExp(`if\\s+${variable}\\s*==\\s*""`);
    const idx = hit.after.findIndex((l) => check.test(l));
    if (idx >= 0 && hit.after.slice(idx, idx + 3).some((l) => EXITS.test(l))) add(name, hit);
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}
