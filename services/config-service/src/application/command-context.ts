/** What every command carries besides its request: who, why, when, and fresh ids. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IdPrefix } from '@sipauth/domain';

/** Copied into every event's metadata by `handle`. */
export interface CommandContext {
  accountId: string;
  /** Ties together every event of one request: the REST request id, else the requestId, else a fresh UUID. */
  correlationId: string;
  /** This command message. */
  causationId: string;
  /** Who asked: the REST token's name, the NATS caller's `actor`, or {@link DEFAULT_NATS_ACTOR}. */
  actor: string;
  /** The caller's idempotency key, when it gave one. */
  requestId?: string;
}

/** The actor of a NATS request that names none. */
export const DEFAULT_NATS_ACTOR = 'nats';

/**
 * What a transport knows about a request beyond its body. REST passes both: `actor` is the bearer
 * token's name (it overrides any `actor` in the body, so a REST caller cannot act as someone else) and
 * `correlationId` comes from {@link correlationIdOf} on the {@link REQUEST_ID_HEADER}.
 */
export interface RequestOrigin {
  actor?: string;
  correlationId?: string;
}

/** The REST header carrying a caller's request id; the REST API echoes the id it used in the reply's header of the same name. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

/** A request id we take from a caller: 1–128 visible ASCII characters (it lands in logs and in event metadata). */
const USABLE_REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

/** The correlation id of a REST request: its `X-Request-Id` when usable, else a fresh UUID. */
export function correlationIdOf(requestIdHeader: string | undefined): string {
  return requestIdHeader !== undefined && USABLE_REQUEST_ID.test(requestIdHeader) ? requestIdHeader : randomUUID();
}

export function commandContext(accountId: string, request: { requestId?: string; actor?: string } = {}, origin: RequestOrigin = {}): CommandContext {
  return {
    accountId,
    correlationId: origin.correlationId ?? request.requestId ?? randomUUID(),
    causationId: randomUUID(),
    actor: origin.actor ?? request.actor ?? DEFAULT_NATS_ACTOR,
    ...(request.requestId !== undefined ? { requestId: request.requestId } : {}),
  };
}

/** A resource id: its two-letter type prefix and 32 lower-case hex digits. */
export const newId = (prefix: IdPrefix): string => `${prefix}${randomBytes(16).toString('hex')}`;

export const now = (): string => new Date().toISOString();

/** Positions are decimal strings that compare as integers. */
export function laterPosition(a: string, b: string): string {
  return BigInt(a) >= BigInt(b) ? a : b;
}
