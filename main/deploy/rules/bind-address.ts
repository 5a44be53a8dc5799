import type { PlanFinding } from '../../../shared/api/deploy';
import type { AppFolder } from '../folder';
import { at, findLines } from './code-lines';

const LOCAL = String.raw`(?:127\.0\.0\.1|localhost|::1|\[::1\])`;
const ANY = String.raw`(?:0\.0\.0\.0|::|\[::\])`;

export interface BindResult {
  findings: PlanFinding[];
  /** Variables that make the app bind all interfaces (set in the image; never secrets). */
  env: Record<string, string>;
}

/** Literal loopback binds Porthole cannot change from outside: the app must be edited. */
const LITERALS: { re: RegExp; what: string }[] = [
  { re: new RegExp(String.raw`\.listen\(\s*[^,()]+,\s*['"]${LOCAL}['"]`), what: 'listen(…) on a loopback address' },
  { re: new RegExp(String.raw`ListenAndServe(?:TLS)?\(\s*"${LOCAL}:`), what: 'ListenAndServe on a loopback address' },
  { re: new RegExp(String.raw`(?:uvicorn\.run|\.run)\([^)]*host\s*=\s*['"]${LOCAL}['"]`), what: 'run(host=…) on a loopback address' },
  { re: new RegExp(String.raw`set\s+:bind,\s*['"]${LOCAL}['"]`), what: 'Sinatra set :bind' },
  { re: new RegExp(String.raw`^\s*bind\s+['"]tcp://${LOCAL}:`), what: 'puma bind' },
];

/**
 * How the app chooses the address it listens on, and what makes it reachable through a published port:
 * a loopback default behind an env var (set the var to 0.0.0.0), a loopback bind guarded by a platform
 * variable (set that variable), or a literal loopback bind (a warning: only the code can change it).
 */
export async function scanBindAddress(folder: AppFolder, codeFiles: string[], startArgs: string[] | null): Promise<BindResult> {
  const findings: PlanFinding[] = [];
  const env: Record<string, string> = {};
  const files = codeFiles.filter((f) => !/(^|\/)(tests?|__tests__|spec)\//.test(f) && !/\.(test|spec)\.[jt]s$/.test(f));

  // process.env.HOST || 'localhost', os.environ.get("HOST", "127.0.0.1"), os.getenv("HOST", …), ENV.fetch("HOST", …)
  const envDefault = new RegExp(
    String.raw`(?:process\.env\.(\w+)\s*(?:\|\||\?\?)\s*|os\.environ\.get\(\s*['"](\w+)['"]\s*,\s*|os\.getenv\(\s*['"](\w+)['"]\s*,\s*|ENV\.fetch\(\s*['"](\w+)['"]\s*,\s*)['"]${LOCAL}['"]`,
  );
  for (const hit of await findLines(folder, files, envDefault)) {
    const name = hit.match.slice(1).find(Boolean)!;
    if (env[name]) continue;
    env[name] = '0.0.0.0';
    findings.push({ rule: 'bind-address', text: `The app binds to ${name}, which defaults to a loopback address a published port cannot reach; the plan sets ${name}=0.0.0.0.`, source: at(hit), snippet: hit.snippet });
  }

  // 'RENDER' in process.env ? '0.0.0.0' : 'localhost'  /  process.env.FLY_APP_NAME ? '0.0.0.0' : '127.0.0.1'
  const guarded = new RegExp(String.raw`(?:['"](\w+)['"]\s+in\s+process\.env|process\.env\.(\w+)|os\.environ\.get\(\s*['"](\w+)['"]\s*\)|ENV\[['"](\w+)['"]\])\s*\?\s*['"]${ANY}['"]\s*:\s*['"]${LOCAL}['"]`);
  for (const hit of await findLines(folder, files, guarded)) {
    const name = hit.match.slice(1).find(Boolean)!;
    if (env[name]) continue;
    env[name] = 'true';
    findings.push({ rule: 'bind-address', text: `The app binds all interfaces only when ${name} is set, else a loopback address; the plan sets ${name}=true.`, source: at(hit), snippet: hit.snippet });
  }

  for (const { re, what } of LITERALS) {
    for (const hit of await findLines(folder, files.concat(folder.has('config') ? ['config/puma.rb'] : []), re)) {
      findings.push({
        rule: 'bind-address',
        text: `The app listens on a loopback address (${what}), so the container will not answer through a published port. Change it to 0.0.0.0 (or read it from an env var) before deploying.`,
        source: at(hit),
        snippet: hit.snippet,
        warning: true,
      });
    }
  }

  // Flask's app.run() with no host binds 127.0.0.1; it matters when the start command runs that file itself.
  const runsFile = startArgs && startArgs[0] === 'python' ? startArgs[1] : null;
  if (runsFile && files.includes(runsFile)) {
    for (const hit of await findLines(folder, [runsFile], /\bapp\.run\((?![^)]*host\s*=)/)) {
      findings.push({ rule: 'bind-address', text: `${runsFile} calls app.run() without host=, which listens on 127.0.0.1 only. Add host="0.0.0.0" or start the app with gunicorn.`, source: at(hit), snippet: hit.snippet, warning: true });
    }
  }
  return { findings, env };
}
