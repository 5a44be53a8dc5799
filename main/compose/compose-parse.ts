import { readFile } from 'node:fs/promises';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ComposeProblem } from '../../shared/api/compose';
import { interpolateDeep, InterpolationError } from './interpolate';
import { validateComposeDocument } from './schema-validator';

export interface ParsedComposeFile {
  file: string;
  /** The interpolated document, or null when the file could not be read as YAML. */
  value: Record<string, unknown> | null;
  problems: ComposeProblem[];
}

const MAX_FILE_BYTES = 2 * 1024 * 1024;

function position(lines: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/** The node a schema path points at, or the nearest ancestor that exists; keys when `atKey`. */
function locate(doc: Document, path: (string | number)[], atKey: boolean): Node | null {
  let node: unknown = doc.contents;
  let best: Node | null = (doc.contents as Node | null) ?? null;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      if (atKey && i === path.length - 1) return pair.key as Node;
      node = pair.value;
    } else if (node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown[] }).items)) {
      node = (node as { items: unknown[] }).items[Number(segment)];
    } else break;
    if (node && typeof node === 'object' && 'range' in node) best = node as Node;
  }
  return best;
}

/** Reads, parses (YAML with line/column) and validates one compose file against the Compose Specification. */
export async function parseComposeFile(file: string, env: Record<string, string>): Promise<ParsedComposeFile> {
  let text: string;
  try {
    const buffer = await readFile(file);
    if (buffer.length > MAX_FILE_BYTES) return { file, value: null, problems: [{ file, path: '', message: `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.` }] };
    text = buffer.toString('utf8');
  } catch (error) {
    return { file, value: null, problems: [{ file, path: '', message: `Cannot read the file: ${(error as Error).message}` }] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      file,
      value: null,
      problems: doc.errors.slice(0, 10).map((e) => ({ file, path: '', ...position(lines, e.pos[0]), message: e.message.split('\n')[0] })),
    };
  }
  const raw = doc.toJS({ maxAliasCount: 100 }) as unknown;
  if (raw === null || raw === undefined) return { file, value: {}, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { file, value: null, problems: [{ file, path: '', line: 1, column: 1, message: 'A compose file must be a mapping (services:, volumes: …) at the top level.' }] };
  }
  let value: Record<string, unknown>;
  try {
    value = interpolateDeep(raw, env) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof InterpolationError) return { file, value: null, problems: [{ file, path: '', message: error.message }] };
    throw error;
  }
  const problems = validateComposeDocument(value).map((issue): ComposeProblem => {
    const node = locate(doc, issue.path, issue.atKey);
    const at = node?.range ? position(lines, node.range[0]) : {};
    return { file, path: issue.path.join('.'), ...at, message: issue.message };
  });
  return { file, value: problems.length > 0 ? null : value, problems };
}
