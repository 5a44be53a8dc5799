/**
 * Merges compose files in order (later wins), following the spec's merge rules: mappings merge key by
 * key; `environment` and `labels` merge by name whichever form they are written in; the sequences the
 * spec lists as mergeable are appended without duplicates; every other value is replaced.
 */
type Json = unknown;
type Obj = Record<string, Json>;

const APPENDED = new Set(['ports', 'expose', 'volumes', 'dns', 'dns_search', 'tmpfs', 'external_links', 'extra_hosts', 'devices', 'cap_add', 'cap_drop', 'security_opt', 'env_file', 'secrets', 'configs', 'volumes_from', 'links']);
const KEYED_LISTS = new Set(['environment', 'labels']);

const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `["A=1", "B"]` → `{A: "1", B: null}`; a mapping is returned as is. */
export function listToMap(value: Json): Obj {
  if (isObj(value)) return value;
  if (!Array.isArray(value)) return {};
  const out: Obj = {};
  for (const item of value) {
    const text = String(item);
    const eq = text.indexOf('=');
    if (eq < 0) out[text] = null;
    else out[text.slice(0, eq)] = text.slice(eq + 1);
  }
  return out;
}

/** `depends_on` as a list or a mapping → a mapping of service → condition. */
const dependsToMap = (value: Json): Obj => (Array.isArray(value) ? Object.fromEntries(value.map((s) => [String(s), { condition: 'service_started' }])) : isObj(value) ? value : {});

function mergeValue(key: string, base: Json, over: Json): Json {
  if (over === undefined) return base;
  if (base === undefined) return over;
  if (KEYED_LISTS.has(key)) return { ...listToMap(base), ...listToMap(over) };
  if (key === 'depends_on') return { ...dependsToMap(base), ...dependsToMap(over) };
  if (APPENDED.has(key) && Array.isArray(base) && Array.isArray(over)) {
    const seen = new Set(base.map((v) => JSON.stringify(v)));
    return [...base, ...over.filter((v) => !seen.has(JSON.stringify(v)))];
  }
  if (isObj(base) && isObj(over)) return mergeObjects(base, over);
  return over;
}

function mergeObjects(base: Obj, over: Obj): Obj {
  const out: Obj = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = mergeValue(k, base[k], v);
  return out;
}

export function mergeComposeDocuments(documents: Json[]): Obj {
  return documents.filter(isObj).reduce<Obj>((acc, doc) => mergeObjects(acc, doc), {});
}
