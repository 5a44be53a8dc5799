/** Stable error codes. The UI maps each to words and a next step (renderer/src/lib/error-text.ts). */
export const ERROR_CODES = [
  'ENGINE_UNAVAILABLE',
  'NOT_FOUND',
  'CONFLICT',
  'PORT_IN_USE',
  'VALIDATION',
  'BUILD_FAILED',
  'CANCELLED',
  'PERMISSION_DENIED',
  'TIMEOUT',
  'APP_CRASHED',
  'INTERNAL',
  /** The engine could not reach a registry (DNS, refused, offline, proxy). */
  'NETWORK',
  /** A registry refused: sign-in needed, wrong credentials, or no access to that repository. */
  'UNAUTHORIZED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Machine-readable facts for the UI; read it with `errorDetail`, typed by `ErrorDetails`. */
  detail?: unknown;
}

/** What a deploy adds to any failure: the stage it failed in and what the container said. */
interface DeployFailureFields {
  stage: string;
  exitCode: number;
  logTail: string[];
}

/** The `detail` each code may carry (one map, so producers and the UI agree on the shape). */
export interface ErrorDetails {
  ENGINE_UNAVAILABLE: { tried: string[] };
  /** `missingImage`: containers:run can pull it in place; `install`: what to install for a missing program. */
  NOT_FOUND: { missingImage: string; install: string; reason: string };
  /** `reason: 'name-in-use'`: a run's name is taken by `usedBy[0]`; `suggestion` is a free name like it. */
  CONFLICT: { usedBy: { id: string; name: string }[]; reason: string; suggestion: string | null };
  /** `suggestion`: a free port the UI can offer instead. */
  PORT_IN_USE: { port: number; hostIp: string; suggestion: number | null; service: string };
  VALIDATION: { path: string[]; message: string }[];
  /** The tail of the build's output. */
  BUILD_FAILED: { output: string };
  CANCELLED: Record<never, never>;
  PERMISSION_DENIED: Record<never, never>;
  TIMEOUT: { consoleTail: string[] };
  APP_CRASHED: Record<never, never>;
  INTERNAL: Record<never, never>;
  NETWORK: Record<never, never>;
  UNAUTHORIZED: Record<never, never>;
}

/** Every field is optional: details cross a process boundary, so the reader checks what it uses. */
export type ErrorDetail<C extends ErrorCode> = ErrorDetails[C] extends unknown[] ? ErrorDetails[C] : Partial<ErrorDetails[C] & DeployFailureFields>;

/** `error.detail` typed for `code`, or null when the error has another code (or no detail). */
export function errorDetail<C extends ErrorCode>(error: ApiError | null | undefined, code: C): ErrorDetail<C> | null {
  if (!error || error.code !== code || typeof error.detail !== 'object' || error.detail === null) return null;
  return error.detail as ErrorDetail<C>;
}

/** The deploy fields of any failure (a deploy attaches them whatever the code). */
export function deployFailureOf(error: ApiError | null | undefined): Partial<DeployFailureFields> | null {
  return error && typeof error.detail === 'object' && error.detail !== null && !Array.isArray(error.detail) ? (error.detail as Partial<DeployFailureFields>) : null;
}

/** Results cross every boundary as data, so the error code survives (Electron keeps only `message` of a throw). */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string, detail?: unknown): Result<never> => ({
  ok: false,
  error: detail === undefined ? { code, message } : { code, message, detail },
});

/** Thrown inside main; the router turns it into `{ ok: false, error }`. */
export class PortholeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'PortholeError';
  }

  toApiError(): ApiError {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }
}
