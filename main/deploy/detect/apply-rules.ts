import type { PlanFinding, RequiredEnv } from '../../../shared/api/deploy';
import type { AppFolder } from '../folder';
import type { Detection } from '../types';
import { scanRequiredEnv } from '../rules/required-env';
import { scanBindAddress } from '../rules/bind-address';
import { scanDataPaths } from '../rules/data-paths';

export interface RulesInput {
  folder: AppFolder;
  /** Changed in place: image env, writable directories and volumes the rules add. */
  detection: Detection;
  codeFiles: string[];
  dotenvNames: Set<string>;
  start: string[] | null;
  ownDockerfile: boolean;
}

export interface RulesOutput {
  findings: PlanFinding[];
  requiredEnv: RequiredEnv[];
  /** Names to list with the app's variables (framework conventions, required ones), and where they came from. */
  extraEnv: string[];
  extraEnvSources: string[];
}

/**
 * The rules that read the app's code whatever its runtime: required variables, the address it binds, the data
 * it writes. With a generated Dockerfile their fixes go into it; the folder's own Dockerfile is only warned about.
 */
export async function applyRules({ folder, detection: d, codeFiles, dotenvNames, start, ownDockerfile }: RulesInput): Promise<RulesOutput> {
  const findings = [...(d.findings ?? [])];
  const fromCode = await scanRequiredEnv(folder, codeFiles, dotenvNames);
  const requiredEnv = [...fromCode, ...(d.requiredEnv ?? []).filter((r) => !fromCode.some((c) => c.name === r.name))];

  const bind = await scanBindAddress(folder, codeFiles, start);
  if (ownDockerfile) {
    findings.push(...bind.findings.map((f) => (f.warning ? f : { ...f, warning: true, text: `${f.text.replace(/; the plan sets .*$/, '.')} Your Dockerfile is used as it is: add ENV ${Object.keys(bind.env).map((k) => `${k}=${bind.env[k]}`).join(' ')} to it.` })));
  } else {
    findings.push(...bind.findings);
    const data = await scanDataPaths(folder, codeFiles, '/app');
    findings.push(...data.findings);
    d.imageEnv = { ...d.imageEnv, ...bind.env, ...data.env };
    d.writableDirs = [...(d.writableDirs ?? []), ...data.writableDirs];
    d.volumes = [...(d.volumes ?? []), ...data.volumes];
  }
  const conventionEnv = d.conventionEnv ?? [];
  const required = requiredEnv.map((r) => r.name).filter((n) => n !== 'PORT');
  return {
    findings,
    requiredEnv,
    extraEnv: [...conventionEnv, ...required],
    extraEnvSources: conventionEnv.length ? [`${d.runtime === 'ruby' ? 'Rails' : 'Django'} convention`] : [],
  };
}
