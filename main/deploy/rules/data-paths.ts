import { posix } from 'node:path';
import type { PlanFinding } from '../../../shared/api/deploy';
import type { AppFolder } from '../folder';
import { at, findLines } from './code-lines';

export interface DataPathResult {
  findings: PlanFinding[];
  /** Variables pointed at a writable path (image ENV; paths, never secrets). */
  env: Record<string, string>;
  /** Directories created in the image and owned by the app's user. */
  writableDirs: string[];
  /** Directories declared as volumes, so their data survives a redeploy. */
  volumes: string[];
}

/** Where a relocated data file goes: owned by the app user, declared a volume. */
export const DATA_DIR = '/data';
const DATA_FILE = String.raw`(?:sqlite:\/\/\/)?((?:\/|\.\/)?[\w.\-/]*\.(?:db|sqlite3?))`;
const ENV_DEFAULT = new RegExp(
  String.raw`(?:process\.env\.(\w+)\s*(?:\|\||\?\?)\s*|os\.environ\.get\(\s*['"](\w+)['"]\s*,\s*|os\.getenv\(\s*['"](\w+)['"]\s*,\s*|ENV\.fetch\(\s*['"](\w+)['"]\s*(?:,\s*|\)\s*\{\s*))['"]${DATA_FILE}['"]`,
);
const LITERAL = new RegExp(String.raw`['"]${DATA_FILE}['"]`);

/** Paths the image's non-root user can write without help. */
const writable = (dir: string): boolean => dir === '/tmp' || dir.startsWith('/tmp/') || dir.startsWith('/dev/');

/**
 * Data files (SQLite and friends) the app writes where its non-root user cannot: a default behind an env var is
 * pointed at /data (a volume); a literal path gets its directory created, owned by the app user, as a volume.
 */
export async function scanDataPaths(folder: AppFolder, codeFiles: string[], workdir: string): Promise<DataPathResult> {
  const result: DataPathResult = { findings: [], env: {}, writableDirs: [], volumes: [] };
  const files = codeFiles.filter((f) => !/(^|\/)(tests?|__tests__|spec|migrations)\//.test(f));
  const seen = new Set<string>();
  const addDir = (dir: string, volume: boolean) => {
    if (!result.writableDirs.includes(dir)) result.writableDirs.push(dir);
    if (volume && !result.volumes.includes(dir)) result.volumes.push(dir);
  };

  for (const hit of await findLines(folder, files, ENV_DEFAULT)) {
    const name = hit.match.slice(1, 5).find(Boolean)!;
    const path = hit.match[5];
    seen.add(`${hit.file}:${hit.line}`);
    if (result.env[name]) continue;
    const target = `${DATA_DIR}/${posix.basename(path)}`;
    result.env[name] = target;
    addDir(DATA_DIR, true);
    result.findings.push({ rule: 'data-path', text: `The app keeps data at ${name} (default ${path}), which the app's non-root user may not be able to write; the plan sets ${name}=${target} on a volume, so the data survives redeploys.`, source: at(hit), snippet: hit.snippet });
  }
  for (const hit of await findLines(folder, files, LITERAL)) {
    if (seen.has(`${hit.file}:${hit.line}`)) continue;
    const path = hit.match[1];
    const absolute = path.startsWith('/') ? path : posix.join(workdir, path);
    const dir = posix.dirname(absolute);
    if (writable(dir)) continue;
    seen.add(`${hit.file}:${hit.line}`);
    if (dir === workdir) {
      addDir(dir, false);
      result.findings.push({ rule: 'data-path', text: `The app writes ${path} in its own folder; the plan gives ${dir} to the app's user. The file is lost on redeploy: read its path from an env var to keep it on a volume.`, source: at(hit), snippet: hit.snippet, warning: true });
    } else {
      addDir(dir, true);
      result.findings.push({ rule: 'data-path', text: `The app writes ${absolute}; the plan creates ${dir} owned by the app's user and keeps it on a volume, so the data survives redeploys.`, source: at(hit), snippet: hit.snippet });
    }
  }
  return result;
}
