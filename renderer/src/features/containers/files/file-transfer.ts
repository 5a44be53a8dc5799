import { MAX_UPLOAD_BYTES } from '../../../../../shared/api/files';
import type { ApiError } from '../../../../../shared/errors';
import { api } from '../../../bridge';
import { bytesToBase64 } from '../../../lib/base64';
import { saveBytes } from '../../../lib/save-file';

export async function downloadPath(containerId: string, path: string): Promise<ApiError | null> {
  const result = await api.invoke('files:download', { containerId, path });
  if (!result.ok) return result.error;
  saveBytes(result.data.name, result.data.base64, result.data.kind === 'tar' ? 'application/x-tar' : 'application/octet-stream');
  return null;
}

/** Uploads picked or dropped files into a folder, in calls of at most 8 MB each. */
export async function uploadFiles(containerId: string, folder: string, files: File[]): Promise<ApiError | null> {
  let batch: { name: string; base64: string }[] = [];
  let size = 0;
  const flush = async () => {
    if (batch.length === 0) return null;
    const result = await api.invoke('files:upload', { containerId, folder, files: batch });
    batch = [];
    size = 0;
    return result.ok ? null : result.error;
  };
  for (const file of files) {
    if (file.size > MAX_UPLOAD_BYTES) return { code: 'VALIDATION', message: `"${file.name}" is larger than 8 MB; copy it in with docker cp instead.` };
    if (size + file.size > MAX_UPLOAD_BYTES) {
      const problem = await flush();
      if (problem) return problem;
    }
    batch.push({ name: file.name, base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) });
    size += file.size;
  }
  return flush();
}
