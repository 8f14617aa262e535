/**
 * Bearer-token authentication of the REST API: a missing or unknown token is 401, a token used on an
 * account it does not cover is 403. The token itself is never logged or echoed. An accepted token's
 * NAME goes into `res.locals.actor` ({@link REST_ACTOR_LOCAL}), which the gateway passes on as the
 * command's `actor`, so the audit trail says which token acted.
 */
import { HttpException, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { fail } from '@sipauth/contracts';
import type { ConfigServiceSettings } from '../../config-service.settings';
import { SERVICE_SETTINGS } from '../../config-service.tokens';
import { checkToken } from './api-tokens';
import { bearerTokenOf, TOKEN_REQUIRED } from './bearer-auth.middleware';

/** The key of `res.locals` under which an authenticated request's actor (the token's name) is kept. */
export const REST_ACTOR_LOCAL = 'actor';

@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(@Inject(SERVICE_SETTINGS) private readonly settings: ConfigServiceSettings) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const accountId = String(req.params.accountId ?? '');
    const outcome = checkToken(this.settings.apiTokens, bearerTokenOf(req), accountId);
    if (outcome.verdict === 'unknown-token') {
      throw new HttpException(fail('UNAUTHORIZED', TOKEN_REQUIRED), 401);
    }
    if (outcome.verdict === 'other-account') {
      throw new HttpException(fail('UNAUTHORIZED', `this token may not act on account ${accountId}`), 403);
    }
    context.switchToHttp().getResponse<Response>().locals[REST_ACTOR_LOCAL] = outcome.name;
    return true;
  }
}
