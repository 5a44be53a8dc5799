import { readFile } from 'node:fs/promises';
import type { ComposeProblem } from '../../shared/api/compose';
import type { ComposeFileSet } from './compose-files';
// yaml and ajv (the compose schema) load on first use, not at every start of the host (bench B4).
const composeParse = () => import('./compose-parse');
import { interpolationEnv, parseDotEnv } from './interpolate';
import { mergeComposeDocuments } from './merge';

export interface LoadedModel {
  model: Record<string, unknown>;
  problems: ComposeProblem[];
}

/** Reads a file set as compose does: .env for interpolation (the process env wins), each file validated, then merged in order. */
export async function loadComposeModel(set: ComposeFileSet, processEnv: NodeJS.ProcessEnv = process.env): Promise<LoadedModel> {
  const dotEnv = set.envFile ? parseDotEnv(await readFile(set.envFile, 'utf8').catch(() => '')) : {};
  const env = interpolationEnv(dotEnv, processEnv);
  const { parseComposeFile } = await composeParse();
  const parsed = await Promise.all(set.files.map((f) => parseComposeFile(f, env)));
  const problems = parsed.flatMap((p) => p.problems);
  return { model: problems.length > 0 ? {} : mergeComposeDocuments(parsed.map((p) => p.value)), problems };
}
