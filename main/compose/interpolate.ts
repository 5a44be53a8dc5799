/**
 * The parts of compose's file reading that decide what a file means before it is validated: the
 * `.env` syntax and `${VAR}` interpolation. The process environment wins over `.env`, as in compose.
 */

/** Parses a .env file as compose does: KEY=VALUE lines, `#` comments, optional `export `, quoted values. */
export function parseDotEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2];
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\"/g, '"');
    } else {
      value = value.replace(/\s+#.*$/, '');
    }
    out[m[1]] = value;
  }
  return out;
}

/** The variables interpolation sees: `.env` first, then the process environment on top. */
export function interpolationEnv(dotEnv: Record<string, string>, processEnv: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = { ...dotEnv };
  for (const [k, v] of Object.entries(processEnv)) if (v !== undefined) out[k] = v;
  return out;
}

export class InterpolationError extends Error {}

const PATTERN = /\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

export function interpolateString(text: string, env: Record<string, string>): string {
  return text.replace(PATTERN, (match, braced: string | undefined, op: string | undefined, arg: string | undefined, bare: string | undefined) => {
    if (match === '$$') return '$';
    const name = braced ?? bare ?? '';
    const value = env[name];
    const unsetOrEmpty = value === undefined || value === '';
    switch (op) {
      case ':-':
        return unsetOrEmpty ? interpolateString(arg ?? '', env) : value;
      case '-':
        return value === undefined ? interpolateString(arg ?? '', env) : value;
      case ':?':
      case '?':
        if (op === ':?' ? unsetOrEmpty : value === undefined) throw new InterpolationError(`required variable ${name} is missing a value: ${arg ?? ''}`);
        return value ?? '';
      case ':+':
        return unsetOrEmpty ? '' : interpolateString(arg ?? '', env);
      case '+':
        return value === undefined ? '' : interpolateString(arg ?? '', env);
      default:
        return value ?? '';
    }
  });
}

/** Interpolates every string value (not keys) of a parsed document. */
export function interpolateDeep(value: unknown, env: Record<string, string>): unknown {
  if (typeof value === 'string') return interpolateString(value, env);
  if (Array.isArray(value)) return value.map((v) => interpolateDeep(v, env));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateDeep(v, env)]));
  }
  return value;
}
