/**
 * Every HTTP error leaves as an RFC 9457 problem (`application/problem+json`, see problem.ts), whatever
 * raised it: a guard's `{ok:false,error}`, a Nest HttpException (an unknown path is 404), or an
 * unexpected error (500, logged by name and message only).
 */
import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { ErrorBody } from '@sipauth/contracts';
import { problem, problemOf, ProblemException, sendProblem, type ProblemCode } from './problem';

const CODE_OF_STATUS: Record<number, ProblemCode> = {
  400: 'VALIDATION_FAILED', 401: 'UNAUTHORIZED', 403: 'UNAUTHORIZED', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 422: 'IDEMPOTENCY_KEY_REUSED', 429: 'TOO_MANY_REQUESTS', 503: 'UNAVAILABLE',
};

@Catch()
export class ReplyExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ReplyExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (exception instanceof ProblemException) {
      sendProblem(res, exception.problem, exception.headers);
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse() as { ok?: unknown; error?: ErrorBody };
      if (typeof body === 'object' && body !== null && body.ok === false && body.error) {
        sendProblem(res, problemOf(body.error, status));
        return;
      }
      const code = CODE_OF_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
      sendProblem(res, problem(code, status === 404 ? 'no such resource path' : exception.message, [], status));
      return;
    }
    const { name, message } = exception instanceof Error ? exception : { name: typeof exception, message: '' };
    this.logger.error(`HTTP request failed unexpectedly: ${name}: ${message}`);
    sendProblem(res, problem('INTERNAL', 'internal error; the request may be retried'));
  }
}
