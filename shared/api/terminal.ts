import { z } from 'zod';
import { boundedText, engineRef } from './common';

/** One base64 message carries at most 64 KiB of raw bytes (the renderer splits a bigger paste). */
export const MAX_TERMINAL_INPUT_BYTES = 64 * 1024;
const MAX_INPUT_BASE64 = Math.ceil(MAX_TERMINAL_INPUT_BYTES / 3) * 4;

const cols = z.number().int().min(2).max(1000);
const rows = z.number().int().min(1).max(500);

export const terminalSessionParams = z
  .object({
    containerId: engineRef,
    /** Words of a command to run instead of the container's shell (bash, else sh). */
    command: z.array(boundedText(4096)).min(1).max(64).optional(),
    user: z.string().max(128).regex(/^[A-Za-z0-9_.:-]*$/, 'may use letters, digits, _ . : -').optional(),
    workdir: z.string().max(4096).refine((p) => p === '' || p.startsWith('/'), 'must be an absolute path').optional(),
    cols: cols.default(80),
    rows: rows.default(24),
  })
  .strict();
/** A terminal session as opened: which container, what to run, as whom, where, and the screen size. */
export type TerminalSessionOptions = z.output<typeof terminalSessionParams>;

/** What the renderer may send to an open terminal session. */
export const terminalInput = z.discriminatedUnion('t', [
  z.object({ t: z.literal('input'), base64: z.string().max(MAX_INPUT_BASE64, 'is more than 64 KiB').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64') }).strict(),
  z.object({ t: z.literal('resize'), cols, rows }).strict(),
  /** Flow control: how many output bytes the terminal has drawn so far; output pauses while too far behind. */
  z.object({ t: z.literal('ack'), bytes: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER) }).strict(),
]);
export type TerminalInput = z.infer<typeof terminalInput>;

export type TerminalEvent =
  /** The exec session started; `shell` is what runs (e.g. "/bin/bash"). */
  | { t: 'ready'; shell: string; execId: string }
  /** Raw terminal bytes, base64: a UTF-8 character may be split across two of these. */
  | { t: 'out'; base64: string }
  | { t: 'exit'; exitCode: number | null };

export const terminalStreamSchemas = {
  'terminal:session': terminalSessionParams,
};
export const terminalStreamInputs = {
  'terminal:session': terminalInput,
};

export interface TerminalStreamEvents {
  'terminal:session': TerminalEvent;
}
export interface TerminalStreamInputs {
  'terminal:session': TerminalInput;
}
