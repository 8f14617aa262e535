/**
 * RFC 9457 problem details, the body of every REST error (`application/problem+json`): `type`,
 * `title`, `status`, `detail`, our `code` and `errors` [{field, message}] (every bad field of a
 * VALIDATION_FAILED, each blocking trunk of a delete CONFLICT; empty when there is nothing to list).
 * The NATS error codes keep their meaning; a few codes exist only over HTTP (an unsupported media
 * type, a method the path lacks, a body too slow or too large, a reused Idempotency-Key, a test
 * call over the workers' rate limit, a read model or worker that is not there in time).
 */
import { HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ERROR_CODES, HTTP_STATUS, type ErrorBody, type ErrorCode, type ErrorDetail } from '@sipauth/contracts';

export const HTTP_ONLY_CODES = [
  'UNSUPPORTED_MEDIA_TYPE', 'METHOD_NOT_ALLOWED', 'REQUEST_TIMEOUT', 'PAYLOAD_TOO_LARGE', 'IDEMPOTENCY_KEY_REUSED', 'TOO_MANY_REQUESTS', 'UNAVAILABLE',
] as const;
/** RATE_LIMITED (NATS) is TOO_MANY_REQUESTS over HTTP: REST has one code for 429. */
type NatsOnlyCode = 'RATE_LIMITED';
export type ProblemCode = Exclude<ErrorCode, NatsOnlyCode> | (typeof HTTP_ONLY_CODES)[number];
export const PROBLEM_CODES: readonly ProblemCode[] = [...ERROR_CODES.filter((c): c is Exclude<ErrorCode, NatsOnlyCode> => c !== 'RATE_LIMITED'), ...HTTP_ONLY_CODES];

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface Problem {
  /** `urn:sipauth:problem:<code in kebab case>`: a stable identifier, documented in the repository (docs and OpenAPI). */
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  errors: ErrorDetail[];
}

const TITLES: Record<ProblemCode, string> = {
  VALIDATION_FAILED: 'Invalid request',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  UNAUTHORIZED: 'Not authorized',
  INTERNAL: 'Internal error',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  REQUEST_TIMEOUT: 'Request timeout',
  PAYLOAD_TOO_LARGE: 'Request body too large',
  IDEMPOTENCY_KEY_REUSED: 'Idempotency-Key reused',
  TOO_MANY_REQUESTS: 'Too many requests',
  UNAVAILABLE: 'Service unavailable',
};

const STATUS_OF_HTTP_CODE: Record<(typeof HTTP_ONLY_CODES)[number], number> = {
  UNSUPPORTED_MEDIA_TYPE: 415, METHOD_NOT_ALLOWED: 405, REQUEST_TIMEOUT: 408, PAYLOAD_TOO_LARGE: 413, IDEMPOTENCY_KEY_REUSED: 422, TOO_MANY_REQUESTS: 429, UNAVAILABLE: 503,
};

export const problemType = (code: ProblemCode): string => `urn:sipauth:problem:${code.toLowerCase().replace(/_/g, '-')}`;

/** A problem; `status` defaults to the code's (403 is the one UNAUTHORIZED that is not 401). */
export function problem(code: ProblemCode, detail: string, errors: ErrorDetail[] = [], status?: number): Problem {
  const fallback = (HTTP_STATUS as Record<string, number>)[code] ?? STATUS_OF_HTTP_CODE[code as keyof typeof STATUS_OF_HTTP_CODE];
  return { type: problemType(code), title: TITLES[code], status: status ?? fallback, detail, code, errors };
}

/** The problem of a contract error (a NATS-shaped `{code, message, details}`). */
export const problemOf = (error: ErrorBody, status?: number): Problem =>
  problem(error.code === 'RATE_LIMITED' ? 'TOO_MANY_REQUESTS' : error.code, error.message, error.details ?? [], status);

/** Where the REST layer's own refusals are logged (the service's pino logger). */
export interface RefusalLog { info(obj: object, msg: string): void }

/**
 * One line for a request refused before any controller runs (415, 400 for bytes or JSON, 405, 408,
 * 413): the request logger never sees those, since Nest registers it after these middlewares. Code and
 * field names only, never a value.
 */
export function logRefusal(log: RefusalLog | undefined, req: Request, p: Problem): void {
  const given = req.headers['x-request-id'];
  const reqId = typeof given === 'string' && /^[\x21-\x7e]{1,128}$/.test(given) ? given : undefined;
  log?.info(
    { event: 'rejected', ...(reqId ? { reqId } : {}), method: req.method, path: req.path, status: p.status, code: p.code, fields: p.errors.map((e) => e.field) },
    `${req.method} ${req.path} refused: ${p.code}`,
  );
}

/** Sends a problem; extra headers (Allow, Retry-After, Connection) first. */
export function sendProblem(res: Response, p: Problem, headers: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(p.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(p));
}

/** A problem to answer with, and headers to send along; {@link ReplyExceptionFilter} sends it. */
export class ProblemException extends HttpException {
  constructor(readonly problem: Problem, readonly headers: Record<string, string> = {}) {
    super(problem.detail, problem.status);
  }
}
