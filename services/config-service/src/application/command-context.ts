/** What every command carries besides its request: who, why, when, and fresh ids. */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
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
  /**
   * Account, command name and requestId, when the request has a requestId: the seed from which the
   * created resource ids ({@link newId}) and the event ids (`handle`) are derived, so a retry after an
   * attempt that wrote but died before storing its reply writes nothing new and answers the same ids.
   */
  idempotencyKey?: string;
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

/** `command`: the contract's command name; with a requestId it makes the ids of the command deterministic. */
export function commandContext(
  accountId: string, request: { requestId?: string; actor?: string } = {}, origin: RequestOrigin = {}, command?: string,
): CommandContext {
  const { requestId } = request;
  return {
    accountId,
    correlationId: origin.correlationId ?? requestId ?? randomUUID(),
    causationId: randomUUID(),
    actor: origin.actor ?? request.actor ?? DEFAULT_NATS_ACTOR,
    ...(requestId !== undefined ? { requestId } : {}),
    ...(requestId !== undefined && command !== undefined ? { idempotencyKey: `${accountId}\0${command}\0${requestId}` } : {}),
  };
}

/**
 * A resource id: its two-letter type prefix and 32 lower-case hex digits. Random, or derived from the
 * context's idempotency key (the prefix keeps the ids of one request's resources apart).
 */
export function newId(prefix: IdPrefix, ctx?: Pick<CommandContext, 'idempotencyKey'>): string {
  if (ctx?.idempotencyKey === undefined) return `${prefix}${randomBytes(16).toString('hex')}`;
  return `${prefix}${createHash('sha256').update(`${ctx.idempotencyKey}\0${prefix}`, 'utf8').digest('hex').slice(0, 32)}`;
}

export const now = (): string => new Date().toISOString();

/** Positions are decimal strings that compare as integers. */
export function laterPosition(a: string, b: string): string {
  return BigInt(a) >= BigInt(b) ? a : b;
}
