/**
 * Authentication before anything reads the request: every `/v1` route needs a known bearer token, and
 * this runs ahead of the 405 and body checks (json-body.middleware), so a caller without a token learns
 * nothing about methods or body rules and gets 401, never 415/400/413/408. Whether the token covers the
 * path's account (403) stays with {@link BearerAuthGuard}, which knows the route's parameters. Probes,
 * metrics, `/docs` and the console's static files are outside `/v1` and stay public.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ApiTokens } from './api-tokens';
import { checkToken } from './api-tokens';
import { logRefusal, problem, sendProblem, type RefusalLog } from './problem';

/** The detail of every 401: the same from this middleware and from the guard. */
export const TOKEN_REQUIRED = 'a valid bearer token is required (Authorization: Bearer <token>)';

const API_PATH = /^\/v1(?:\/|$)/;

/** The presented bearer token, or undefined. */
export const bearerTokenOf = (req: Request): string | undefined => /^Bearer\s+(\S+)\s*$/i.exec(req.header('authorization') ?? '')?.[1];

/** Refuses a `/v1` request without a known token with 401, before its body is read. */
export function bearerAuth(tokens: ApiTokens, log?: RefusalLog): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!API_PATH.test(req.path) || checkToken(tokens, bearerTokenOf(req), '').verdict !== 'unknown-token') {
      next();
      return;
    }
    const refused = problem('UNAUTHORIZED', TOKEN_REQUIRED);
    logRefusal(log, req, refused);
    // The body is left unread: close the connection rather than drain what an unknown caller sends.
    const headers: Record<string, string> = hasBody(req) ? { Connection: 'close' } : {};
    sendProblem(res, refused, headers);
  };
}

const hasBody = (req: Request): boolean =>
  req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
