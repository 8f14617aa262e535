/** OpenAPI decorators shared by the REST controllers: every response body, problem and header of SPEC §9. */
import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiHeader, ApiQuery, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@sipauth/contracts';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { ProblemBody } from './rest-schemas';

const problemContent = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemBody) } } };
const problemResponse = (status: number, description: string, headers?: Record<string, { description: string; schema: object }>) =>
  ApiResponse({ status, description: `${description} (RFC 9457 problem details)`, content: problemContent, ...(headers ? { headers } : {}) });

const POSITION = { description: 'Event-store position (decimal string): of the write, or of the read model that answered.', schema: { type: 'string', pattern: '^[0-9]+$' } };

/** Authentication and the problems every route shares. */
export function ApiAccountRoute(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemBody),
    ApiBearerAuth(),
    ApiHeader({ name: 'X-Request-Id', required: false, description: 'Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent.' }),
    problemResponse(400, 'VALIDATION_FAILED: errors name every bad field, header or query parameter'),
    problemResponse(401, 'UNAUTHORIZED: missing or unknown bearer token'),
    problemResponse(403, 'UNAUTHORIZED: the token does not cover this account'),
    problemResponse(404, 'NOT_FOUND: no such resource in this account'),
    problemResponse(500, 'INTERNAL'),
  );
}

/**
 * A write: 201 + Location + the new ids (`created`), or 204; both with Sipauth-Position. With `answer`,
 * 200 and that body (an action that creates many resources at once: an import).
 */
export function ApiWrite(created?: Type<unknown>, answer?: Type<unknown>): MethodDecorator {
  const success = answer
    ? ApiResponse({ status: 200, description: 'Done.', type: answer, headers: { 'Sipauth-Position': POSITION } })
    : created
    ? ApiResponse({
      status: 201, description: 'Created.', type: created,
      headers: { Location: { description: 'Path of the new resource.', schema: { type: 'string' } }, 'Sipauth-Position': POSITION },
    })
    : ApiResponse({ status: 204, description: 'Done (or already so: a write that would change nothing succeeds and writes nothing).', headers: { 'Sipauth-Position': POSITION } });
  return applyDecorators(
    success,
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'requestId (1–128 characters): a retry with the same key and the same request returns the first outcome and writes nothing; with a different request it is 422.' }),
    ApiJsonBody(),
    problemResponse(409, 'CONFLICT: errors name the blocking resources'),
    problemResponse(422, 'IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request'),
  );
}

/** The problems of a route that reads a JSON body (json-body.middleware): too slow, too large, not JSON. */
export function ApiJsonBody(): MethodDecorator {
  return applyDecorators(
    problemResponse(408, 'REQUEST_TIMEOUT: the body did not arrive in time (10 s by default); the connection is closed'),
    problemResponse(413, 'PAYLOAD_TOO_LARGE: more than 64 kB (256 kB for a credential import); the connection is closed'),
    problemResponse(415, 'UNSUPPORTED_MEDIA_TYPE: a body that is not application/json, or in a charset other than UTF-8'),
  );
}

/** A read: its body, Sipauth-Position, the optional wait for Sipauth-Min-Position, and paging for lists. */
export function ApiRead(body: Type<unknown>, paged = false): MethodDecorator {
  const headers: Record<string, { description: string; schema: object }> = { 'Sipauth-Position': POSITION };
  if (paged) headers.Link = { description: '`<…?pageToken=…>; rel="next"` while there is a next page.', schema: { type: 'string' } };
  return applyDecorators(
    ApiResponse({ status: 200, description: 'OK.', type: body, headers }),
    ApiHeader({ name: 'Sipauth-Min-Position', required: false, description: "Wait (bounded) until the read models have applied this position, e.g. a write's Sipauth-Position." }),
    problemResponse(503, 'UNAVAILABLE: the read models did not reach Sipauth-Min-Position in time', { 'Retry-After': { description: 'Seconds.', schema: { type: 'integer' } } }),
    ...(paged
      ? [
        ApiQuery({ name: 'pageSize', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } }),
        ApiQuery({ name: 'pageToken', required: false, schema: { type: 'string' }, description: "The previous page's nextPageToken. Pages follow the id order: an item present throughout a walk is listed once." }),
      ]
      : []),
  );
}

/** A request to the sip-auth-workers: 503 when none answers. */
export function ApiWorker(body: Type<unknown>): MethodDecorator {
  return applyDecorators(
    ApiResponse({ status: 200, description: 'OK.', type: body }),
    problemResponse(503, 'UNAVAILABLE: no sip-auth-worker answered in time', { 'Retry-After': { description: 'Seconds.', schema: { type: 'integer' } } }),
  );
}

/** `test-call` (auth.explain): each worker serves a few at once, then about one a second; past that, 429. */
export function ApiRateLimited(): MethodDecorator {
  return problemResponse(429, "TOO_MANY_REQUESTS: the sip-auth-workers' test-call rate limit is reached (a burst of 10, then 1 per second, per worker replica); retry after Retry-After", { 'Retry-After': { description: 'Seconds.', schema: { type: 'integer' } } });
}
