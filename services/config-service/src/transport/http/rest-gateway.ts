/**
 * REST → the same dispatcher as NATS, with HTTP's conventions on the way out (SPEC §9): plain resource
 * bodies, 201 + Location for a create, 204 for other writes, the write's event-store position in
 * `Sipauth-Position`, reads that wait for `Sipauth-Min-Position`, pages with `Link: rel="next"`, and
 * errors as problem+json. The request body, the query string and the path's ids become one request
 * object; an id given in two places is refused rather than silently chosen. `Idempotency-Key` is the
 * requestId; the bearer token's name is the actor; `X-Request-Id` (or a fresh one) the correlation id.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { HTTP_STATUS, type ConfigCommandName, type ErrorBody, type ErrorDetail, type QueryName, type Reply } from '@sipauth/contracts';
import { ConfigDispatcher } from '../../application/config-dispatcher';
import { correlationIdOf, REQUEST_ID_HEADER } from '../../application/command-context';
import type { ConfigServiceSettings } from '../../config-service.settings';
import { SERVICE_SETTINGS } from '../../config-service.tokens';
import { REQUEST_ID_REUSED } from '../../idempotency/request-ledger';
import { QueriesService } from '../../queries/queries.service';
import { REST_ACTOR_LOCAL } from './bearer-auth.guard';
import { problem, problemOf, ProblemException } from './problem';

export const POSITION_HEADER = 'Sipauth-Position';
export const MIN_POSITION_HEADER = 'Sipauth-Min-Position';

type Data = Record<string, unknown> & { position?: string };

/** How a command's success is answered: a create names the new resource's path. */
/** `location`: 201 with that Location and the data; `answer`: 200 with the data; neither: 204. */
export interface CommandShape { location?: (data: Data) => string; answer?: true }
/** How a query's data becomes the body: a get unwraps its one resource; a list pages. */
export interface QueryShape { unwrap?: string; paged?: boolean }

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

@Injectable()
export class RestGateway {
  constructor(
    private readonly dispatcher: ConfigDispatcher,
    private readonly queries: QueriesService,
    @Inject(SERVICE_SETTINGS) private readonly settings: ConfigServiceSettings,
  ) {}

  /** Runs a command; `fixed` holds the path's ids and any field the route implies (listKind). */
  async command(req: Request, res: Response, name: ConfigCommandName, fixed: Record<string, string>, shape: CommandShape = {}): Promise<unknown> {
    const sent = bodyObject(req.body);
    if (Object.prototype.hasOwnProperty.call(sent, 'actor')) {
      throw new ProblemException(problem('VALIDATION_FAILED', 'invalid actor', [{ field: 'actor', message: "is the bearer token's name over REST and must not be in the body" }]));
    }
    const request = merge(sent, fixed);
    const key = req.header('idempotency-key');
    // The header is the body's requestId by another name: two different values are refused, not chosen between.
    const keyIsRequestId = key !== undefined && request.requestId === undefined;
    if (key !== undefined && request.requestId !== undefined && request.requestId !== key) {
      throw new ProblemException(problem('VALIDATION_FAILED', 'invalid Idempotency-Key', [{ field: 'Idempotency-Key', message: "differs from the body's requestId (send one of them)" }]));
    }
    if (keyIsRequestId) request.requestId = key;
    const correlationId = correlationIdOf(req.header(REQUEST_ID_HEADER));
    res.setHeader(REQUEST_ID_HEADER, correlationId);
    const reply = await this.dispatcher.command(name, request, { actor: String(res.locals[REST_ACTOR_LOCAL] ?? ''), correlationId });
    if (!reply.ok) {
      if (reply.error.code === 'CONFLICT' && reply.error.message === REQUEST_ID_REUSED) {
        const field = key !== undefined ? 'Idempotency-Key' : 'requestId';
        throw new ProblemException(problem('IDEMPOTENCY_KEY_REUSED', REQUEST_ID_REUSED, [{ field, message: 'was already used for a different request' }]));
      }
      throw new ProblemException(problemOf(keyIsRequestId ? asIdempotencyKey(reply.error) : reply.error, HTTP_STATUS[reply.error.code]));
    }
    const { position, ...data } = reply.data as Data;
    if (position !== undefined) res.setHeader(POSITION_HEADER, position);
    if (shape.location) {
      res.status(201).setHeader('Location', shape.location(data));
      return data;
    }
    if (shape.answer) {
      res.status(200);
      return data;
    }
    res.status(204);
    return undefined;
  }

  /** Runs a query after waiting for `Sipauth-Min-Position`; the read model's position comes back in `Sipauth-Position`. */
  async query(req: Request, res: Response, name: QueryName, fixed: Record<string, string>, shape: QueryShape = {}): Promise<unknown> {
    const request = merge(shape.paged ? pagingParams(req.query) : noParams(req.query), fixed);
    await this.awaitMinPosition(req.header(MIN_POSITION_HEADER));
    const reply = await this.dispatcher.query(name, request);
    const data = unwrapOrThrow(reply);
    const { position, nextPageToken, ...rest } = data;
    if (position !== undefined) res.setHeader(POSITION_HEADER, position);
    if (typeof nextPageToken === 'string') {
      const next = new URLSearchParams({ ...(request.pageSize !== undefined ? { pageSize: String(request.pageSize) } : {}), pageToken: nextPageToken });
      res.setHeader('Link', `<${req.baseUrl}${req.path}?${next.toString()}>; rel="next"`);
    }
    res.status(200);
    return shape.unwrap ? rest[shape.unwrap] : { ...rest, ...(typeof nextPageToken === 'string' ? { nextPageToken } : {}) };
  }

  /** Waits, bounded, until the read models have applied `header`'s position; 503 when they do not in time. */
  private async awaitMinPosition(header: string | undefined): Promise<void> {
    if (header === undefined) return;
    if (!/^\d{1,30}$/.test(header.trim())) {
      throw new ProblemException(problem('VALIDATION_FAILED', `invalid ${MIN_POSITION_HEADER}`, [{ field: MIN_POSITION_HEADER, message: 'must be a position (a decimal integer)' }]));
    }
    const wanted = BigInt(header.trim());
    const deadline = Date.now() + this.settings.minPositionWaitMs;
    for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
      if (BigInt(await this.queries.reader.position()) >= wanted) return;
      if (Date.now() >= deadline) break;
      await sleep(Math.min(wait, Math.max(1, deadline - Date.now())));
    }
    throw new ProblemException(
      problem('UNAVAILABLE', `the read models have not reached position ${wanted} within ${this.settings.minPositionWaitMs} ms; retry`, [{ field: MIN_POSITION_HEADER, message: 'is not reached yet' }]),
      { 'Retry-After': '1' },
    );
  }
}

/** The success data of a reply, or the reply's error as a problem. */
export function unwrapOrThrow(reply: Reply<unknown>): Data {
  if (!reply.ok) throw new ProblemException(problemOf(reply.error, HTTP_STATUS[reply.error.code]));
  return reply.data as Data;
}

function bodyObject(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ProblemException(problem('VALIDATION_FAILED', 'request body must be a JSON object', [{ field: '(body)', message: 'must be a JSON object' }]));
  }
  return body as Record<string, unknown>;
}

/** An error about the requestId that the caller sent as the Idempotency-Key header names the header. */
function asIdempotencyKey(error: ErrorBody): ErrorBody {
  if (!error.details?.some((d) => d.field === 'requestId')) return error;
  return {
    ...error,
    message: error.message.replace(/\brequestId\b/g, 'Idempotency-Key'),
    details: error.details.map((d) => (d.field === 'requestId' ? { ...d, field: 'Idempotency-Key' } : d)),
  };
}

/** Joins what the caller sent with what the path fixes; a path field sent again is refused. */
function merge(sent: Record<string, unknown>, fixed: Record<string, string>): Record<string, unknown> {
  const clashes = Object.keys(fixed).filter((k) => Object.prototype.hasOwnProperty.call(sent, k));
  if (clashes.length > 0) {
    const errors: ErrorDetail[] = clashes.map((field) => ({ field, message: 'is given by the URL path and must not be repeated' }));
    throw new ProblemException(problem('VALIDATION_FAILED', `invalid ${clashes.join(', ')}`, errors));
  }
  return { ...sent, ...fixed };
}

/** `?pageSize=20&pageToken=…`: a decimal pageSize becomes a number; anything else goes to validation as given. */
function pagingParams(query: Request['query']): Record<string, unknown> {
  const params: Record<string, unknown> = { ...query };
  if (typeof params.pageSize === 'string' && /^\d{1,9}$/.test(params.pageSize)) params.pageSize = Number(params.pageSize);
  return params;
}

/** A route that takes no query parameters refuses any, naming them. */
function noParams(query: Request['query']): Record<string, unknown> {
  const names = Object.keys(query);
  if (names.length > 0) {
    throw new ProblemException(problem('VALIDATION_FAILED', `invalid ${names.join(', ')}`, names.map((field) => ({ field, message: 'is not a query parameter of this path' }))));
  }
  return {};
}
