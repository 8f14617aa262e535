/** Every HTTP error leaves in the contract's shape `{ok:false,error:{code,message}}`, whatever raised it. */
import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { fail, type ErrorCode } from '@sipauth/contracts';

const CODE_OF_STATUS: Record<number, ErrorCode> = { 400: 'VALIDATION_FAILED', 401: 'UNAUTHORIZED', 403: 'UNAUTHORIZED', 404: 'NOT_FOUND', 409: 'CONFLICT' };

@Catch()
export class ReplyExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ReplyExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      if (typeof body === 'object' && body !== null && (body as { ok?: unknown }).ok === false) {
        res.status(status).json(body);
        return;
      }
      const code = CODE_OF_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
      res.status(status).json(fail(code, status === 404 ? 'no such resource path' : exception.message));
      return;
    }
    const { name, message } = exception instanceof Error ? exception : { name: typeof exception, message: '' };
    this.logger.error(`HTTP request failed unexpectedly: ${name}: ${message}`);
    res.status(500).json(fail('INTERNAL', 'internal error; the request may be retried'));
  }
}
