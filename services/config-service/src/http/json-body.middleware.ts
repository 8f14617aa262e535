/**
 * The JSON body parser with errors in the contract's shape: malformed JSON is 400 VALIDATION_FAILED,
 * an oversized body 413, never an HTML page.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json } from 'express';
import { fail } from '@sipauth/contracts';

export function jsonBody(): RequestHandler[] {
  const parse = json({ limit: '64kb', strict: false });
  const explain = (err: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction): void => {
    if (err?.type === 'entity.too.large') {
      res.status(413).json(fail('VALIDATION_FAILED', 'request body is too large (at most 64 kB)', [{ field: '(body)', message: 'is too large' }]));
    } else if (err?.status && err.status < 500) {
      res.status(400).json(fail('VALIDATION_FAILED', 'request body is not valid JSON', [{ field: '(body)', message: 'must be valid JSON' }]));
    } else {
      next(err);
    }
  };
  return [parse, explain as unknown as RequestHandler];
}
