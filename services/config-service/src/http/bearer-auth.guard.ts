/**
 * Bearer-token authentication of the REST API: a missing or unknown token is 401, a token used on an
 * account it does not cover is 403. The token itself is never logged or echoed.
 */
import { HttpException, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { fail } from '@sipauth/contracts';
import type { ConfigServiceSettings } from '../config-service.settings';
import { SERVICE_SETTINGS } from '../config-service.tokens';
import { checkToken } from './api-tokens';

@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(@Inject(SERVICE_SETTINGS) private readonly settings: ConfigServiceSettings) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.header('authorization') ?? '');
    const accountId = String(req.params.accountId ?? '');
    const verdict = checkToken(this.settings.apiTokens, match?.[1], accountId);
    if (verdict === 'unknown-token') {
      throw new HttpException(fail('UNAUTHORIZED', 'a valid bearer token is required (Authorization: Bearer <token>)'), 401);
    }
    if (verdict === 'other-account') {
      throw new HttpException(fail('UNAUTHORIZED', `this token may not act on account ${accountId}`), 403);
    }
    return true;
  }
}
