/**
 * The one typed REST client of the console: openapi-fetch over the paths of config-service's OpenAPI
 * document (schema.d.ts, generated). It adds the bearer token, turns failures into ApiError and reads
 * the write position (`Sipauth-Position`, or `position` in the body of the older envelope), which later
 * reads send back as `Sipauth-Min-Position`.
 */
import createClient from 'openapi-fetch';
import { readToken } from '../session';
import { toApiError } from './errors';
import type { paths } from './schema';

export const api = createClient<paths>({ baseUrl: window.location.origin });

/** The newest position this tab has written: its reads wait until the read models have it, so a page never shows data older than the change just made. */
let lastWritten: bigint | undefined;

/** Records a write's position (from `Sipauth-Position`). */
export function noteWritten(position: string | undefined): void {
  if (position && /^\d+$/.test(position) && (lastWritten === undefined || BigInt(position) > lastWritten)) lastWritten = BigInt(position);
}

api.use({
  onRequest({ request }) {
    const token = readToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    if (request.method === 'GET' && lastWritten !== undefined && new URL(request.url).pathname.startsWith('/v1/accounts/')) {
      request.headers.set('Sipauth-Min-Position', lastWritten.toString());
    }
    return request;
  },
});

/** What openapi-fetch resolves for every call. */
interface Fetched { data?: unknown; error?: unknown; response: Response }

/** A successful reply: its body (unwrapped from the envelope when there is one) and write position. */
export interface Replied<T> { body: T; position?: string; response: Response }

/** Listeners for replies of 401 (the session is over) — the app signs out. */
const unauthorizedListeners = new Set<() => void>();
export const onUnauthorized = (listener: () => void): (() => void) => {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
};

/** Awaits a call, throws ApiError on failure and returns the body. */
export async function reply<T>(call: Promise<Fetched>): Promise<Replied<T>> {
  const { data, error, response } = await call;
  if (!response.ok) {
    if (response.status === 401) unauthorizedListeners.forEach((l) => l());
    throw toApiError(response.status, error);
  }
  const body = unwrap(data);
  const fromBody = typeof body === 'object' && body !== null ? (body as { position?: unknown }).position : undefined;
  const position = response.headers.get('Sipauth-Position') ?? (typeof fromBody === 'string' ? fromBody : undefined);
  return { body: body as T, position, response };
}

function unwrap(data: unknown): unknown {
  if (typeof data === 'object' && data !== null && (data as { ok?: unknown }).ok === true && 'data' in data) {
    return (data as { data: unknown }).data;
  }
  return data;
}

/** The `rel="next"` page token of a Link header, if any. */
export function nextPageTokenOf(response: Response, body: unknown): string | undefined {
  const fromBody = typeof body === 'object' && body !== null ? (body as { nextPageToken?: unknown }).nextPageToken : undefined;
  if (typeof fromBody === 'string') return fromBody;
  const link = response.headers.get('Link');
  const next = link?.split(',').find((part) => /rel="?next"?/.test(part));
  const url = next ? /<([^>]+)>/.exec(next)?.[1] : undefined;
  return url ? new URL(url, window.location.origin).searchParams.get('pageToken') ?? undefined : undefined;
}
