import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { PortholeError } from '../../shared/errors';
import type { BuildEvent } from '../../shared/api/images';
import type { EngineConnection } from '../engine/connection';
import { Batcher } from '../engine/batcher';
import { JsonLinesParser } from '../engine/json-lines';
import { toApiError } from '../engine/errors';
import { pumpUntilDone } from '../lib/stream-util';
import type { SuppliedFiles } from './build-context';
// tar-stream and the .dockerignore parser load on first use, not at every start of the host (bench B4).
const buildContext = () => import('./build-context');
import * as engine from '../engine/gateway';

export interface BuildRequest {
  context: string;
  tag: string;
  dockerfile: string;
  buildArgs: Record<string, string>;
  labels?: Record<string, string>;
  noCache: boolean;
  /** A Dockerfile and/or ignore rules held in memory (a deploy's): the folder is read, never written. */
  supplied?: SuppliedFiles;
}

interface BuildLine {
  stream?: string;
  status?: string;
  error?: string;
  errorDetail?: { message?: string; code?: number };
  aux?: { ID?: string };
}

const STEP_RE = /^Step (\d+)\/(\d+) : (.*)$/;

/** Checks the folder before anything is sent, so a typo gets a clear VALIDATION message. */
export async function checkBuildContext(context: string, dockerfile: string | null): Promise<void> {
  const folder = await stat(context).catch(() => null);
  if (!folder) throw new PortholeError('VALIDATION', `The folder ${context} does not exist.`);
  if (!folder.isDirectory()) throw new PortholeError('VALIDATION', `${context} is a file, not a folder.`);
  if (dockerfile === null) return;
  const file = await stat(join(context, dockerfile)).catch(() => null);
  if (!file?.isFile()) throw new PortholeError('VALIDATION', `There is no ${dockerfile} in ${context}.`);
}

/**
 * Builds an image from a folder, honouring its .dockerignore, and reports steps and output as they
 * come. An `error` line inside the HTTP 200 stream fails the build (dockerode's followProgress would
 * call it a success).
 */
export async function buildImage(connection: EngineConnection, req: BuildRequest, emit: (events: BuildEvent[]) => void, signal: AbortSignal): Promise<string> {
  const supplied = req.supplied && (req.supplied.dockerfileText !== undefined || req.supplied.ignoreText !== undefined) ? req.supplied : null;
  await checkBuildContext(req.context, supplied?.dockerfileText !== undefined ? null : req.dockerfile);
  const batcher = new Batcher<BuildEvent>(emit, 100, 2_000);
  let failure: string | null = null;
  let imageId = '';
  let outputTail = '';

  const parser = new JsonLinesParser(
    ({ value }) => {
      const line = value as BuildLine;
      if (line.error || line.errorDetail) {
        failure = (line.errorDetail?.message ?? line.error ?? 'The build failed.').trim();
        return;
      }
      if (line.aux?.ID) imageId = line.aux.ID;
      const text = line.stream ?? line.status;
      if (!text) return;
      outputTail = (outputTail + text).slice(-4000);
      const step = STEP_RE.exec(text.trim());
      if (step) batcher.push({ kind: 'step', index: Number(step[1]), total: Number(step[2]), instruction: step[3] });
      else batcher.push({ kind: 'output', text });
      const built = /Successfully built ([0-9a-f]{12,})/.exec(text);
      if (built && !imageId) imageId = built[1];
    },
    (text) => batcher.push({ kind: 'output', text: `${text}\n` }),
  );

  // Supplied files: a tar made here. Otherwise dockerode packs the folder with its .dockerignore.
  const { listContextEntries, packContext } = await buildContext();
  const packed = supplied ? await packContext(req.context, req.dockerfile, supplied) : null;
  const context = packed ? packed.tar : { context: req.context, src: await listContextEntries(req.context, req.dockerfile) };
  let stream: Readable;
  try {
    stream = await engine.buildImage(
      connection.client(),
      context,
      { t: req.tag, dockerfile: packed?.dockerfile ?? req.dockerfile, buildargs: req.buildArgs, labels: req.labels, nocache: req.noCache, rm: true, forcerm: true },
      signal,
    );
  } catch (error) {
    if (/Cannot locate specified Dockerfile/i.test(toApiError(error).message)) {
      throw new PortholeError('VALIDATION', `The engine did not receive ${req.dockerfile}: check that .dockerignore does not exclude it or its folder.`);
    }
    throw error;
  }
  await pumpUntilDone(stream, signal, (chunk) => parser.push(chunk));
  parser.end();
  if (signal.aborted) {
    batcher.discard();
    throw new PortholeError('CANCELLED', 'The build was cancelled.');
  }
  if (failure) {
    batcher.push({ kind: 'failed', message: failure });
    batcher.flush();
    throw new PortholeError('BUILD_FAILED', failure, { output: outputTail });
  }
  batcher.push({ kind: 'done', imageId, tag: req.tag });
  batcher.flush();
  return imageId;
}
