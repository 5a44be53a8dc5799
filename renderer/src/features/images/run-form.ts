import type { RunInput } from '../../../../shared/api/containers';
import { splitCommand } from '../../../../shared/shell-words';

export { splitCommand };

/** The Run dialog's fields, as typed (strings), before parsing. */
export interface PortRow {
  key: number;
  hostPort: string;
  containerPort: string;
  protocol: 'tcp' | 'udp';
}

export interface RunForm {
  image: string;
  name: string;
  ports: PortRow[];
  /** One NAME=value per line. */
  env: string;
  /** One `source:target[:ro]` per line, as `docker run -v` takes it. */
  volumes: string;
  restartPolicy: 'no' | 'always' | 'unless-stopped' | 'on-failure';
  /** Replaces the image's CMD; split like a shell would (quotes group words). */
  command: string;
}

export type RunFormErrors = Partial<Record<'name' | 'env' | 'volumes' | 'command', string>> & { ports?: Record<number, string> };

export type ParsedRunForm = { ok: true; input: RunInput } | { ok: false; errors: RunFormErrors };

const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
const VOLUME_NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const ENV_RE = /^[^=\s]+=/s;

export function parsePort(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,5}$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= 65535 ? n : null;
}

const isAbsolute = (p: string): boolean => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p);

const lines = (text: string): { line: string; n: number }[] =>
  text
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter((l) => l.line !== '' && !l.line.startsWith('#'));

/** Splits `source:target[:ro|rw]`, allowing a Windows drive letter in the source. */
function splitVolume(line: string): { source: string; target: string; mode?: string } | null {
  const drive = /^[A-Za-z]:[\\/]/.test(line) ? line.slice(0, 2) : '';
  const parts = line.slice(drive.length).split(':');
  if (parts.length < 2 || parts.length > 3) return null;
  return { source: drive + parts[0], target: parts[1], mode: parts[2] };
}

/** Checks every field and turns the form into `containers:run` input, or says what is wrong, per field. */
export function parseRunForm(form: RunForm): ParsedRunForm {
  const errors: RunFormErrors = {};
  const name = form.name.trim();
  if (name && !NAME_RE.test(name)) errors.name = 'Use at least two letters, digits, _ . or -, starting with a letter or digit.';

  const ports: NonNullable<RunInput['ports']> = [];
  const portErrors: Record<number, string> = {};
  const seen = new Map<string, number>();
  for (const row of form.ports) {
    if (row.hostPort.trim() === '' && row.containerPort.trim() === '') continue;
    const host = parsePort(row.hostPort);
    const container = parsePort(row.containerPort);
    if (host === null) portErrors[row.key] = 'The host port must be a number from 1 to 65535.';
    else if (container === null) portErrors[row.key] = 'The container port must be a number from 1 to 65535.';
    else if (seen.has(`${host}/${row.protocol}`)) portErrors[row.key] = `Host port ${host} is used twice.`;
    else {
      seen.set(`${host}/${row.protocol}`, row.key);
      ports.push({ hostPort: host, containerPort: container, protocol: row.protocol });
    }
  }
  if (Object.keys(portErrors).length > 0) errors.ports = portErrors;

  const env: string[] = [];
  for (const { line, n } of lines(form.env)) {
    if (!ENV_RE.test(line)) {
      errors.env = `Line ${n}: "${line}" must look like NAME=value.`;
      break;
    }
    env.push(line);
  }

  const mounts: NonNullable<RunInput['mounts']> = [];
  for (const { line, n } of lines(form.volumes)) {
    const parts = splitVolume(line);
    if (!parts || !parts.source || !parts.target) {
      errors.volumes = `Line ${n}: "${line}" must look like /host/folder:/path/in/container or volume-name:/path.`;
      break;
    }
    if (parts.mode !== undefined && parts.mode !== 'ro' && parts.mode !== 'rw') {
      errors.volumes = `Line ${n}: the mode after the second ":" can only be ro or rw.`;
      break;
    }
    if (!parts.target.startsWith('/')) {
      errors.volumes = `Line ${n}: the path in the container must start with /.`;
      break;
    }
    const readOnly = parts.mode === 'ro';
    if (isAbsolute(parts.source)) mounts.push({ type: 'bind', source: parts.source, target: parts.target, readOnly });
    else if (VOLUME_NAME_RE.test(parts.source)) mounts.push({ type: 'volume', source: parts.source, target: parts.target, readOnly });
    else {
      errors.volumes = `Line ${n}: "${parts.source}" is neither an absolute host path nor a volume name.`;
      break;
    }
  }

  let command: string[] | undefined;
  if (form.command.trim()) {
    const split = splitCommand(form.command.trim());
    if ('error' in split) errors.command = split.error;
    else command = split;
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      image: form.image,
      ...(name ? { name } : {}),
      ports,
      env,
      mounts,
      restartPolicy: form.restartPolicy,
      ...(command ? { command } : {}),
    },
  };
}
