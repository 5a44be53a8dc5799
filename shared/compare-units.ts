/** Byte and time units for the Container vs VM panel: profiles are stored in bytes and ms, edited in MiB/GiB/GB and s. */

export const BYTE_UNITS = {
  B: 1,
  KB: 1000,
  MB: 1000 ** 2,
  GB: 1000 ** 3,
  TB: 1000 ** 4,
  KiB: 1024,
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
  TiB: 1024 ** 4,
} as const;
export type ByteUnit = keyof typeof BYTE_UNITS;

export const MIB = BYTE_UNITS.MiB;
export const GIB = BYTE_UNITS.GiB;
export const TIB = BYTE_UNITS.TiB;

const SIZE = /^\s*(\d+(?:\.\d+)?)\s*([kKmMgGtT]i?[bB]|[bB])?\s*$/;

/**
 * "1 GiB", "512MiB", "30 GB", "1.5GB", "4096" (bytes) → bytes. Decimal (GB) and binary (GiB) units are
 * kept apart, as the sources use both. Returns null for anything else.
 */
export function parseSize(text: string): number | null {
  const m = SIZE.exec(text);
  if (!m) return null;
  const value = Number(m[1]);
  const raw = m[2] ?? 'B';
  const unit = (raw.length === 1 ? 'B' : raw[0].toUpperCase() + raw.slice(1, -1).toLowerCase() + 'B') as ByteUnit;
  const factor = BYTE_UNITS[unit];
  if (factor === undefined || !Number.isFinite(value)) return null;
  return Math.round(value * factor);
}

/** Converts bytes into the given unit (for an editor field). */
export const bytesIn = (bytes: number, unit: ByteUnit): number => bytes / BYTE_UNITS[unit];

/** The largest binary unit in which `bytes` is at least 1 (for showing a profile value in an editor). */
export function bestBinaryUnit(bytes: number): ByteUnit {
  if (bytes >= GIB) return 'GiB';
  if (bytes >= MIB) return 'MiB';
  if (bytes >= 1024) return 'KiB';
  return 'B';
}

/** A duration for people: "180 ms", "1.2 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const min = Math.floor(ms / 60_000);
  const s = Math.round((ms % 60_000) / 1000);
  return s ? `${min} min ${s} s` : `${min} min`;
}

/** Binary units, one decimal: how memory is usually shown ("1.0 GiB", "412 KiB"). */
export function formatBinary(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  const unit = bestBinaryUnit(bytes);
  const value = bytesIn(bytes, unit);
  return unit === 'B' ? `${bytes} B` : `${value.toFixed(value >= 100 ? 0 : 1)} ${unit}`;
}

/** Decimal units, as the docker CLI and disk vendors print sizes ("30 GB", "1.9 MB"). */
export function formatDecimal(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  return i === 0 ? `${bytes} B` : `${value.toFixed(value >= 100 ? 0 : 1)} ${units[i]}`;
}

/** How a VM figure measured under TCG emulation is labelled (here, not in the zod contract: the renderer's start bundle stays free of zod). */
export const EMULATED_LABEL = 'emulated — slower than a real VM';
