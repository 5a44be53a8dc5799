/**
 * Turns a request target into a file path relative to the static root, or says why it is refused.
 * Decoding is strict: a malformed or overlong percent-encoding, an encoded slash, a backslash or a NUL
 * is a bad request (400), never an exception, so no request can take the host down.
 */
export type RequestPath = { ok: true; relative: string } | { ok: false; status: 400 | 403; reason: string };

const ENCODED_SEPARATOR = /%(2f|5c|00)/i;

export function staticRequestPath(pathname: string): RequestPath {
  if (pathname.length > 2048) return { ok: false, status: 400, reason: 'The path is too long.' };
  if (ENCODED_SEPARATOR.test(pathname)) return { ok: false, status: 400, reason: 'Encoded slashes, backslashes and NUL are not allowed in a path.' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { ok: false, status: 400, reason: 'The path has a malformed percent-encoding.' };
  }
  if (/[\\\0]/.test(decoded) || decoded.includes('\uFFFD')) return { ok: false, status: 400, reason: 'The path has characters that are not allowed.' };
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return { ok: false, status: 403, reason: 'The path leaves the served folder.' };
  return { ok: true, relative: segments.join('/') };
}
