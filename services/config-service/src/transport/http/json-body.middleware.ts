/**
 * The request body of the REST API, read by hand so that every way it can be wrong gets its own answer
 * (a problem+json, never an HTML page or a body silently ignored):
 *  - a body that is not `application/json` (text/plain, a form, no Content-Type at all) → 415;
 *  - a charset other than UTF-8 → 415; bytes that are not UTF-8 → 400 (never stored as U+FFFD);
 *  - malformed JSON → 400; more than 64 kB (256 kB for a credential import) → 413;
 *  - a body that has not fully arrived `bodyTimeoutMs` after the headers (default 10 s,
 *    CONFIG_BODY_TIMEOUT_MS) → 408 and the connection is closed, so a stalled client holds nothing.
 * A request without a body (no Content-Length or Content-Length 0, no Transfer-Encoding) passes with
 * `req.body` undefined.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { logRefusal, problem, sendProblem, type Problem, type RefusalLog } from './problem';

export const MAX_BODY_BYTES = 64 * 1024;
/** A credential import carries up to 1,000 lines (≤ ~200 kB with the longest usernames and passwords). */
export const MAX_IMPORT_BODY_BYTES = 256 * 1024;
const IMPORT_PATH = /\/credential-imports\/?$/;
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export interface JsonBodyOptions { bodyTimeoutMs: number; /** where refusals are logged */ log?: RefusalLog }

/** Logs the refusal (code and field names), then answers it. */
function refuse(log: RefusalLog | undefined, req: Request, res: Response, p: Problem, headers?: Record<string, string>): void {
  logRefusal(log, req, p);
  sendProblem(res, p, headers);
}

const hasBody = (req: Request): boolean =>
  req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

/** Decodes UTF-8 strictly: undefined for bytes that are not UTF-8 (shared with the NATS transport). */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Why a Content-Type is refused, or undefined when it is JSON in UTF-8. */
function mediaTypeProblem(contentType: string | undefined): string | undefined {
  if (!contentType) return 'a request body needs Content-Type: application/json';
  const [type, ...params] = contentType.split(';').map((p) => p.trim());
  if (!JSON_TYPE.test(type)) return `request bodies must be application/json (got ${type.slice(0, 64)})`;
  const charset = params.map((p) => /^charset\s*=\s*"?([^";]*)"?$/i.exec(p)?.[1]).find((c) => c !== undefined);
  if (charset !== undefined && !/^utf-?8$/i.test(charset)) return 'the only charset accepted is UTF-8';
  return undefined;
}

export function jsonBody(options: JsonBodyOptions): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!hasBody(req)) {
      req.body = undefined;
      next();
      return;
    }
    const refused = mediaTypeProblem(req.headers['content-type']);
    if (refused) {
      refuse(options.log, req, res, problem('UNSUPPORTED_MEDIA_TYPE', refused, [{ field: 'Content-Type', message: 'must be application/json (UTF-8)' }]));
      return;
    }
    readBody(req, res, options, (text) => {
      try {
        req.body = JSON.parse(text);
      } catch {
        refuse(options.log, req, res, problem('VALIDATION_FAILED', 'request body is not valid JSON', [{ field: '(body)', message: 'must be valid JSON' }]));
        return;
      }
      next();
    });
  };
}

function readBody(req: Request, res: Response, { bodyTimeoutMs, log }: JsonBodyOptions, done: (text: string) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let settled = false;
  const finish = (): void => {
    settled = true;
    clearTimeout(timer);
    req.removeListener('data', onData);
    req.removeListener('end', onEnd);
  };
  const timer = setTimeout(() => {
    if (settled) return;
    finish();
    // The rest of the body may never come: answer, then close the connection instead of reading on.
    refuse(log, req, res, problem('REQUEST_TIMEOUT', `the request body did not arrive within ${bodyTimeoutMs / 1000} s`, [{ field: '(body)', message: 'arrived too slowly' }]), { Connection: 'close' });
    res.once('finish', () => req.socket.destroy());
  }, bodyTimeoutMs);
  const limit = IMPORT_PATH.test(req.path) ? MAX_IMPORT_BODY_BYTES : MAX_BODY_BYTES;
  const onData = (chunk: Buffer): void => {
    size += chunk.length;
    if (size > limit) {
      finish();
      refuse(log, req, res, problem('PAYLOAD_TOO_LARGE', `request body is too large (at most ${limit / 1024} kB)`, [{ field: '(body)', message: 'is too large' }]), { Connection: 'close' });
      res.once('finish', () => req.socket.destroy());
      return;
    }
    chunks.push(chunk);
  };
  const onEnd = (): void => {
    if (settled) return;
    finish();
    const text = decodeUtf8(Buffer.concat(chunks));
    if (text === undefined) {
      refuse(log, req, res, problem('VALIDATION_FAILED', 'request body is not valid UTF-8', [{ field: '(body)', message: 'must be valid UTF-8' }]));
      return;
    }
    done(text);
  };
  req.on('data', onData);
  req.on('end', onEnd);
  req.once('error', () => {
    if (!settled) finish();
  });
}
