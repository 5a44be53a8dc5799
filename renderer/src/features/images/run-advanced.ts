import type { RunInput } from '../../../../shared/api/containers';
import type { ParsedRunForm, RunForm, RunFormErrors } from './run-form';

/** The Run dialog's "Advanced" fields, as typed. */
export interface AdvancedForm {
  /** The host address published ports bind to (127.0.0.1: this computer only; 0.0.0.0: every interface). */
  hostIp: string;
  /** Empty: the engine's default bridge. */
  network: string;
  /** One KEY=value per line. */
  labels: string;
  autoRemove: boolean;
  cpus: string;
  /** `512m`, `2g`, … as `docker run --memory` takes it. */
  memory: string;
  user: string;
  workingDir: string;
}

export const EMPTY_ADVANCED: AdvancedForm = { hostIp: '127.0.0.1', network: '', labels: '', autoRemove: false, cpus: '', memory: '', user: '', workingDir: '' };

export type AdvancedErrors = Partial<Record<keyof AdvancedForm, string>>;

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:]+$/;
const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** `512m`, `1.5g`, `2GiB`, `1048576` (bytes, as docker reads a bare number) → bytes; null when unreadable. */
export function parseMemory(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([bkmgt]?)(?:i?b)?$/i.exec(text.trim());
  if (!m) return null;
  return Math.floor(Number(m[1]) * UNITS[m[2].toLowerCase()]);
}

/** Checks the advanced fields and adds them to run input; a field left as it came adds nothing. */
export function parseAdvanced(a: AdvancedForm, restartPolicy: RunForm['restartPolicy']): { ok: true; input: Partial<RunInput> & { hostIp?: string } } | { ok: false; errors: AdvancedErrors } {
  const errors: AdvancedErrors = {};
  const input: Partial<RunInput> & { hostIp?: string } = {};
  const hostIp = a.hostIp.trim();
  if (hostIp && !IPV4.test(hostIp) && !(hostIp.includes(':') && IPV6.test(hostIp))) errors.hostIp = 'Use an IP address of this machine, e.g. 127.0.0.1 or 0.0.0.0.';
  else if (hostIp) input.hostIp = hostIp;
  if (a.network) input.network = a.network;

  const labels: Record<string, string> = {};
  for (const [i, raw] of a.labels.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 1) {
      errors.labels = `Line ${i + 1}: "${line}" must look like key=value.`;
      break;
    }
    labels[line.slice(0, eq)] = line.slice(eq + 1);
  }
  if (Object.keys(labels).length > 0) input.labels = labels;

  if (a.autoRemove && restartPolicy !== 'no') errors.autoRemove = 'A container removed when it exits cannot also be restarted: set the restart policy to Never.';
  else if (a.autoRemove) input.autoRemove = true;

  if (a.cpus.trim()) {
    const cpus = Number(a.cpus.trim());
    if (!Number.isFinite(cpus) || cpus < 0.01 || cpus > 1024) errors.cpus = 'A number of CPUs, e.g. 0.5 or 2.';
    else input.cpus = cpus;
  }
  if (a.memory.trim()) {
    const bytes = parseMemory(a.memory);
    if (bytes === null) errors.memory = 'A size like 512m or 2g.';
    else if (bytes < 6 * 1024 ** 2) errors.memory = 'The engine needs at least 6m.';
    else input.memoryBytes = bytes;
  }
  const user = a.user.trim();
  if (user && !/^[^\s:]+(:[^\s:]+)?$/.test(user)) errors.user = 'A user name or uid, optionally :group or :gid.';
  else if (user) input.user = user;
  const workingDir = a.workingDir.trim();
  if (workingDir && !workingDir.startsWith('/')) errors.workingDir = 'An absolute path in the container, starting with /.';
  else if (workingDir) input.workingDir = workingDir;

  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input };
}

/** The whole form: the main fields, then the advanced ones, each field's error kept where the user will look. */
export function parseRunDialog(
  main: ParsedRunForm,
  advanced: ReturnType<typeof parseAdvanced>,
): { ok: true; input: RunInput } | { ok: false; errors: RunFormErrors; advanced: AdvancedErrors } {
  if (!main.ok || !advanced.ok) return { ok: false, errors: main.ok ? {} : main.errors, advanced: advanced.ok ? {} : advanced.errors };
  const { hostIp, ...rest } = advanced.input;
  const ports = (main.input.ports ?? []).map((p) => (hostIp ? { ...p, hostIp } : p));
  return { ok: true, input: { ...main.input, ports, ...rest } };
}
