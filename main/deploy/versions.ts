/** Node majors with official images today; ranges map to the lowest of these that satisfies them. */
export const NODE_MAJORS = [18, 20, 22, 24];
export const NODE_LTS = 22;
export const PYTHON_MINORS = ['3.9', '3.10', '3.11', '3.12', '3.13'];
export const PYTHON_DEFAULT = '3.12';
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
 * An exact major is used as is (even an old one: the app asked for it); a range gets the lowest supported
 * major that satisfies it.
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
  for (const major of NODE_MAJORS) {
    if (alternatives.some((alt) => alt.length > 0 && alt.every((c) => majorSatisfies(major, c)))) return String(major);
  }
  const lower = all.find((c) => c.op !== '<' && c.op !== '<=');
  return lower ? String(lower.major) : null;
}

/** `3.11.6`, `python-3.11.6`, `>=3.10`, `^3.10`, `~=3.11`, `3.11.*` → `3.11` (lowest supported that satisfies a range). */
export function pythonMinor(spec: string): string | null {
  const s = spec.trim().replace(/^python-?/i, '');
  const exact = /^(?:==|~=|\^|~)?\s*(\d+)\.(\d+)/.exec(s);
  if (exact && !/^>/.test(s)) return `${exact[1]}.${exact[2]}`;
  const lower = />=?\s*(\d+)\.(\d+)/.exec(s);
  const upper = /<=?\s*(\d+)\.(\d+)/.exec(s);
  if (lower) {
    const lo = Number(lower[2]);
    const hit = PYTHON_MINORS.find((v) => {
      const minor = Number(v.split('.')[1]);
      return Number(lower[1]) === 3 && minor >= lo && (!upper || minor < Number(upper[2]) || (upper[0].includes('=') && minor === Number(upper[2])));
    });
    return hit ?? `${lower[1]}.${lower[2]}`;
  }
  return null;
}

/** `3.2.2`, `ruby-3.2.2`, `~> 3.2`, `3.2.2p53` → `3.2`. */
export function rubyMinor(spec: string): string | null {
  const m = /(\d+)\.(\d+)/.exec(spec.replace(/^ruby-/, ''));
  return m ? `${m[1]}.${m[2]}` : null;
}

/** go.mod `go 1.22.1` → `1.22`. */
export function goMinor(spec: string): string | null {
  const m = /(\d+)\.(\d+)/.exec(spec);
  return m ? `${m[1]}.${m[2]}` : null;
}
