import type { PlanFinding } from '../../../shared/api/deploy';
import type { AppFolder } from '../folder';
import { splitWords } from '../shell-words';
import { at, findLines } from '../rules/code-lines';

export interface EntryGuess {
  start: string[];
  source: string;
  entry: string;
  finding: PlanFinding;
}

const RUNNERS = new Set(['node', 'nodemon', 'ts-node', 'ts-node-dev', 'tsx', 'node-dev', 'supervisor']);

/** `src/index.ts` → the file tsc writes for it under outDir. */
export const compiledPath = (src: string, outDir: string): string => `${outDir}/${src.replace(/^src\//, '').replace(/\.tsx?$/, '.js')}`;

/** The file a `dev`/`serve` script runs with node, nodemon, ts-node or tsx (development watchers are not in the image). */
export async function entryFromScripts(folder: AppFolder, scripts: Record<string, string> | undefined, outDir: string | null, missingMain: string | null): Promise<EntryGuess | null> {
  for (const name of ['dev', 'serve', 'develop', 'watch']) {
    const script = scripts?.[name];
    const words = script ? splitWords(script.split(/&&|;/).pop()!.trim()) : null;
    if (!words || !RUNNERS.has(words[0].replace(/^npx$/, ''))) continue;
    const file = words.slice(1).find((w) => !w.startsWith('-') && /\.(c|m)?[jt]sx?$/.test(w));
    if (!file || !(await folder.isFile(file))) continue;
    const typescript = /\.tsx?$/.test(file);
    const runs = typescript && outDir ? compiledPath(file, outDir) : file;
    const because = missingMain ? `package.json has no start script and its main (${missingMain}) does not exist` : 'package.json has no start script';
    return {
      start: ['node', runs],
      source: `package.json:scripts.${name}`,
      entry: file,
      finding: { rule: 'entry', text: `${because}; scripts.${name} runs ${file} with ${words[0]}, so the image runs \`node ${runs}\`${typescript && outDir ? ' after the TypeScript build' : ''} (no file watcher in production).`, source: `package.json:scripts.${name}`, snippet: script },
    };
  }
  return null;
}

/** The first source file that calls `.listen(` (or `createServer(`) — the server, when nothing names it. */
export async function entryFromListen(folder: AppFolder, outDir: string | null): Promise<EntryGuess | null> {
  const files = (await folder.sourceFiles(['.js', '.mjs', '.cjs', '.ts'], 60, 2)).filter((f) => !/(^|\/)(tests?|__tests__)\/|\.(test|spec|d)\.[jt]s$|\.config\.[cm]?[jt]s$/.test(f));
  const hits = await findLines(folder, files, /\.listen\(|\bserve\(\s*\{/);
  const hit = hits[0];
  if (!hit) return null;
  const typescript = hit.file.endsWith('.ts');
  if (typescript && !outDir) return null;
  const runs = typescript && outDir ? compiledPath(hit.file, outDir) : hit.file;
  return {
    start: ['node', runs],
    source: at(hit),
    entry: hit.file,
    finding: { rule: 'entry', text: `Nothing names the server (no start script, main, or dev script that runs a file); ${hit.file} calls listen, so the image runs \`node ${runs}\`.`, source: at(hit), snippet: hit.snippet },
  };
}
