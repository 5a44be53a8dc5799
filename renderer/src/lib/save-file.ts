import { base64ToBytes } from './base64';

/** Hands `blob` to the browser as a download named `name` (works in Electron's renderer too). */
export function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser may still be reading it when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file the API sent as base64, saved as a download. */
export function saveBytes(name: string, base64: string, type = 'application/octet-stream'): void {
  saveBlob(name, new Blob([base64ToBytes(base64) as Uint8Array<ArrayBuffer>], { type }));
}
