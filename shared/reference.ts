/**
 * Image references validated the way the docker CLI (distribution/reference) validates them:
 * [domain[:port]/]path[:tag][@digest], lowercase path components, name at most 255 characters.
 */
const alnum = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alnum}(?:${separator}${alnum})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const ipv6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const domain = `(?:${domainName}|${ipv6})(?::[0-9]+)?`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const name = `(?:${domain}/)?${pathComponent}(?:/${pathComponent})*`;

const referenceRe = new RegExp(`^(${name})(?::(${tag}))?(?:@(${digest}))?$`);

export interface ParsedReference {
  name: string;
  tag?: string;
  digest?: string;
}

export type ReferenceCheck = { ok: true; ref: ParsedReference } | { ok: false; reason: string };

export function checkImageReference(input: string): ReferenceCheck {
  if (input.length === 0) return { ok: false, reason: 'An image reference cannot be empty.' };
  if (input.length > 512) return { ok: false, reason: 'An image reference is at most 512 characters.' };
  const m = referenceRe.exec(input);
  if (!m) {
    if (/[A-Z]/.test(input.split('/').pop()?.split(':')[0] ?? ''))
      return { ok: false, reason: `"${input}" is not valid: repository names must be lowercase.` };
    return {
      ok: false,
      reason: `"${input}" is not a valid image reference: use name[:tag], e.g. greeting-app or greeting-app:1.0 (lowercase letters, digits, . _ -).`,
    };
  }
  const [, refName, refTag, refDigest] = m;
  if (refName.length > 255) return { ok: false, reason: 'A repository name is at most 255 characters.' };
  return { ok: true, ref: { name: refName, tag: refTag, digest: refDigest } };
}

/** The name with ":latest" added when neither tag nor digest is given, as the CLI does. */
export function normaliseReference(input: string): string {
  const r = checkImageReference(input);
  if (!r.ok) return input;
  if (r.ref.tag || r.ref.digest) return input;
  return `${input}:latest`;
}
