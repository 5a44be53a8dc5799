import { checkImageReference } from '../../../../shared/reference';
import type { BuildParams } from '../../../../shared/api/images';

export interface ArgRow {
  key: number;
  name: string;
  value: string;
}

export interface BuildForm {
  folder: string;
  tag: string;
  dockerfile: string;
  args: ArgRow[];
}

export type BuildFormErrors = Partial<Record<'folder' | 'tag' | 'dockerfile' | 'args', string>>;

const ARG_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const isAbsolutePath = (p: string): boolean => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');

/** The tag's problem in words (as the docker CLI would refuse it), or null when it is fine. */
export function tagError(tag: string): string | null {
  if (tag.trim() === '') return 'Give the image a name, e.g. greeting-app or greeting-app:1.0.';
  const check = checkImageReference(tag.trim());
  if (!check.ok) return check.reason;
  if (check.ref.digest) return 'A build tag cannot carry a digest (@sha256:…).';
  return null;
}

export function dockerfileError(path: string): string | null {
  const p = path.trim();
  if (p === '') return null;
  if (p.startsWith('/') || p.split(/[\\/]/).includes('..')) return 'Give the Dockerfile’s path inside the folder, e.g. Dockerfile or docker/app.Dockerfile.';
  return null;
}

/** Checks the fields that need no round trip (the folder is checked on the host as the user types). */
export function parseBuildForm(form: BuildForm): { ok: true; params: BuildParams } | { ok: false; errors: BuildFormErrors } {
  const errors: BuildFormErrors = {};
  const folder = form.folder.trim();
  if (!folder) errors.folder = 'Choose the folder that holds the Dockerfile.';
  else if (!isAbsolutePath(folder)) errors.folder = 'Give the folder’s full path, e.g. /home/me/greeting-app.';
  const tag = tagError(form.tag);
  if (tag) errors.tag = tag;
  const dockerfile = dockerfileError(form.dockerfile);
  if (dockerfile) errors.dockerfile = dockerfile;

  const buildArgs: Record<string, string> = {};
  for (const row of form.args) {
    const name = row.name.trim();
    if (name === '' && row.value === '') continue;
    if (!ARG_NAME_RE.test(name)) {
      errors.args = `"${name || '(empty)'}" is not a valid build-arg name: use letters, digits and _, not starting with a digit.`;
      break;
    }
    if (name in buildArgs) {
      errors.args = `The build arg ${name} is given twice.`;
      break;
    }
    buildArgs[name] = row.value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, params: { context: folder, tag: form.tag.trim(), dockerfile: form.dockerfile.trim() || 'Dockerfile', buildArgs } };
}
