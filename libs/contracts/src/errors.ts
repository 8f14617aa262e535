/**
 * The error codes of the NATS and REST contract (SPEC §6). Domain rejections map one-to-one onto them.
 * RATE_LIMITED is an operator subject over its rate (the worker's `auth.explain`): retry later; REST
 * answers it 429 TOO_MANY_REQUESTS with Retry-After.
 */
export const ERROR_CODES = ['VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT', 'UNAUTHORIZED', 'RATE_LIMITED', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One bad field of a VALIDATION_FAILED error, or one blocking resource of a CONFLICT. */
export interface ErrorDetail {
  field: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
}

/** Every reply on the bus: plain JSON, no framework envelope. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export const ok = <T>(data: T): Reply<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string, details?: ErrorDetail[]): Reply<never> =>
  details && details.length > 0 ? { ok: false, error: { code, message, details } } : { ok: false, error: { code, message } };

/** HTTP status for each error code (REST API). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};
