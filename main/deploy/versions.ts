/** Node majors with official images today; a range maps to the newest of these that it allows. */
export const NODE_MAJORS = [18, 20, 22, 24];
export const NODE_LTS = 22;
export const PYTHON_MINORS = ['3.9', '3.10', '3.11', '3.12', '3.13'];
export const PYTHON_DEFAULT = '3.12';
export const RUBY_MINORS = ['3.1', '3.2', '3.3', '3.4'];
export const RUBY_DEFAULT = '3.3';
export const GO_DEFAULT = '1.23';

type Comparator = { op: '>=' | '>' | '<' | '<=' | '=' | '^' | '~'; major: number; minor: number | null };

function parseComparator(token: string): Comparator | null {
  const m = /^(>=|<=|>|<|=|\^|~>?|v)?\s*v?(\d+)(?:\.(\d+|x|\*))?(?:\.(?:\d+|x|\*))?/.exec(token.trim());
  if (!m) return null;
  const raw = m[1] ?? '=';
  const op = (raw === 'v' ? '=' : raw.startsWith('~') ? '~' : raw) as Comparator['op'];
  const minor = m[3] === undefined || m[3] === 'x' || m[3] === '*' ? null : Number(m[3]);
  return { op, major: Number(m[2]), minor };
}

function majorSatisfies(major: number, c: Comparator): boolean {
  switch (c.op) {
    case '>=':
      return major >= c.major;
    case '>':
      return c.minor === null ? major > c.major : major >= c.major;
    case '<':
      return c.minor === null || c.minor === 0 ? major < c.major : major <= c.major;
    case '<=':
      return major <= c.major;
    default:
      return major === c.major;
  }
}

/**
 * A Node version spec (`18.x`, `>=18.17`, `^20.1`, `20`, `lts/*`, `v20.3.0`, `>=18 <21`) → the major to use.
 * An exact major is used as is (even an old one: the app asked for it); a range gets the newest supported
 * major that satisfies it (a bare `>=18` means "18 or anything later", and later is what gets security fixes).
 */
export function nodeMajor(spec: string): string | null {
  const s = spec.trim().replace(/^node\s*/, '');
  if (/^lts\//i.test(s) || s === '' || s === '*' || /^(latest|current|node|stable)$/i.test(s)) return String(NODE_LTS);
  const alternatives = s.split('||').map((alt) =>
    alt
      .trim()
      .replace(/\s+-\s+/, ' <=')
      .split(/\s+/)
      .map(parseComparator)
      .filter((c): c is Comparator => c !== null),
  );
  const all = alternatives.flat();
  if (all.length === 0) return null;
  if (alternatives.length === 1 && alternatives[0].length === 1 && ['=', '^', '~'].includes(alternatives[0][0].op)) return String(alternatives[0][0].major);
  for (const major of [...NODE_MAJORS].reverse()) {
    if (alternatives.some((alt) => alt.length > 0 && alt.every((c) => majorSatisfies(major, c)))) return String(major);
  }
  const lower = all.find((c) => c.op !== '<' && c.op !== '<=');
  return lower ? String(lower.major) : null;
}

/** A plain version (`3.11`, `3.11.6`, `v20.3.0`, `python-3.11.6`, `ruby-3.2.2p53`, `==3.11`): a pin, not a range. */
export function isExactVersion(spec: string): boolean {
  return /^(?:python-|ruby-|v|==\s*)?\d+(?:\.\d+){0,2}(?:p\d+)?$/.test(spec.trim());
}

type MinorBound = (v: [number, number]) => boolean;
const cmp = (a: [number, number], b: [number, number]): number => a[0] - b[0] || a[1] - b[1];

/** One comparator of a Python/Ruby/Poetry requirement, at major.minor level. */
function minorBound(token: string): MinorBound | null {
  const m = /^(>=|<=|>|<|==|=|~>|~=|\^|~|!=)?\s*(\d+)(?:\.(\d+|\*))?(?:\.(\d+|\*))?/.exec(token.trim());
  if (!m) return null;
  const op = m[1] ?? '==';
  const at: [number, number] = [Number(m[2]), m[3] === undefined || m[3] === '*' ? 0 : Number(m[3])];
  const hasMinor = m[3] !== undefined && m[3] !== '*';
  const hasPatch = m[4] !== undefined && m[4] !== '*' && Number(m[4]) > 0;
  switch (op) {
    case '>=':
      return (v) => cmp(v, at) >= 0;
    case '>':
      return (v) => (hasPatch ? cmp(v, at) >= 0 : cmp(v, at) > 0);
    case '<':
      return (v) => (hasPatch ? cmp(v, at) <= 0 : cmp(v, at) < 0);
    case '<=':
      return (v) => cmp(v, at) <= 0;
    case '~>':
    case '~=':
      return m[4] !== undefined ? (v) => cmp(v, at) === 0 : (v) => cmp(v, at) >= 0 && v[0] === at[0];
    case '^':
      return (v) => cmp(v, at) >= 0 && v[0] === at[0];
    case '!=':
      return () => true;
    default:
      return hasMinor ? (v) => cmp(v, at) === 0 : (v) => v[0] === at[0];
  }
}

/** The newest of `supported` (x.y, oldest first) a requirement allows (`>=3.9`, `^3.10`, `>= 3.2, < 4.0`, `~> 3.2`). */
export function newestAllowed(spec: string, supported: string[]): string | null {
  const tokens = spec.split(/\s*,\s*|\s+(?=[<>=~^!])/).filter((t) => t.trim());
  const bounds = tokens.map(minorBound).filter((b): b is MinorBound => b !== null);
  if (bounds.length === 0) return null;
  const hit = [...supported].reverse().find((v) => bounds.every((b) => b(v.split('.').map(Number) as [number, number])));
  if (hit) return hit;
  const lower = /(\d+)\.(\d+)/.exec(spec);
  return lower ? `${lower[1]}.${lower[2]}` : null;
}

/** `3.11.6`, `python-3.11.6`, `==3.11` → `3.11`; a range (`>=3.10`, `^3.10`, `~=3.11`) → the newest supported it allows. */
export function pythonMinor(spec: string): string | null {
  const s = spec.trim().replace(/^python-?/i, '');
  if (isExactVersion(s)) return /(\d+)\.(\d+)/.exec(s)?.slice(1, 3).join('.') ?? null;
  return newestAllowed(s, PYTHON_MINORS);
}

/** `3.2.2`, `ruby-3.2.2`, `3.2.2p53` → `3.2`; a range (`~> 3.2`, `>= 3.2, < 4.0`) → the newest supported it allows. */
export function rubyMinor(spec: string): string | null {
  const s = spec.trim().replace(/^ruby-/, '').replace(/['"]/g, '');
  if (isExactVersion(s)) return /(\d+)\.(\d+)/.exec(s)?.slice(1, 3).join('.') ?? null;
  return newestAllowed(s, RUBY_MINORS);
}

/** go.mod `go 1.22.1` → `1.22`. */
export function goMinor(spec: string): string | null {
  const m = /(\d+)\.(\d+)/.exec(spec);
  return m ? `${m[1]}.${m[2]}` : null;
}
