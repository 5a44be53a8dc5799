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
  detail?: unknown;
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

export const isApiError = (value: unknown): value is ApiError =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ApiError).code === 'string' &&
  (ERROR_CODES as readonly string[]).includes((value as ApiError).code) &&
  typeof (value as ApiError).message === 'string';
