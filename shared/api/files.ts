import { z } from 'zod';
import { boundedText, engineRef } from './common';

/** Text view and edit stop at 1 MB; downloads at 64 MB; one upload call at 8 MB. */
export const MAX_EDIT_BYTES = 1024 * 1024;
export const MAX_FILE_DOWNLOAD_BYTES = 64 * 1024 * 1024;
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
const base64 = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4, `is more than ${Math.round(maxBytes / 1024 / 1024)} MB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64');

/** Normalises an absolute container path ("/a//b/./c/" → "/a/b/c"); null when it climbs ("..") or is not absolute. */
export function normaliseContainerPath(path: string): string | null {
  if (!path.startsWith('/') || path.includes('\0')) return null;
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) return null;
  return `/${parts.join('/')}`;
}

/** An absolute path inside a container; a `..` segment is refused, never resolved. */
export const containerPath = z
  .string()
  .min(1, 'must not be empty')
  .max(4096, 'is longer than 4096 characters')
  .refine((p) => normaliseContainerPath(p) !== null, 'must be an absolute path that stays inside the container (no "..")')
  .transform((p) => normaliseContainerPath(p) as string);

const fileName = boundedText(255)
  .min(1, 'must not be empty')
  .refine((n) => n !== '.' && n !== '..' && !n.includes('/') && !n.includes('\0'), 'must be a plain file name');

export const filesInvokeSchemas = {
  'files:list': z
    .object({
      containerId: engineRef,
      path: containerPath.default('/'),
      /** The last name of the previous page: the listing continues after it. */
      after: boundedText(255).optional(),
      limit: z.number().int().min(1).max(2000).default(500),
    })
    .strict(),
  'files:read': z.object({ containerId: engineRef, path: containerPath }).strict(),
  'files:save': z.object({ containerId: engineRef, path: containerPath, base64: base64(MAX_EDIT_BYTES) }).strict(),
  'files:download': z.object({ containerId: engineRef, path: containerPath }).strict(),
  'files:upload': z
    .object({
      containerId: engineRef,
      folder: containerPath,
      files: z.array(z.object({ name: fileName, base64: base64(MAX_UPLOAD_BYTES) }).strict()).min(1).max(1000),
    })
    .strict(),
};

export type FileEntryType = 'file' | 'directory' | 'symlink' | 'other';

export interface FileEntry {
  name: string;
  /** Absolute path in the container. */
  path: string;
  type: FileEntryType;
  sizeBytes: number;
  /** Permission bits (e.g. 0o755). */
  mode: number;
  uid: number;
  gid: number;
  /** The owner's name when the archive carries it. */
  owner?: string;
  modifiedMs: number;
  linkTarget?: string;
}

export interface FileListing {
  path: string;
  entries: FileEntry[];
  /** Pass as `after` to get the next page; null on the last page. */
  nextAfter: string | null;
}

export interface FileContent {
  path: string;
  sizeBytes: number;
  base64: string;
  /** False when the bytes are not valid UTF-8 text (shown read-only, as a notice). */
  text: boolean;
}

export interface FileDownload {
  /** The suggested file name: the file's own, or "<folder>.tar". */
  name: string;
  kind: 'file' | 'tar';
  sizeBytes: number;
  base64: string;
}

export interface FilesInvokeResults {
  'files:list': FileListing;
  'files:read': FileContent;
  'files:save': { path: string; sizeBytes: number };
  'files:download': FileDownload;
  'files:upload': { folder: string; written: string[] };
}
