/**
 * Replay protection (SPEC §5): a nonce/nc pair allows at most once across all replicas within the
 * nonce lifetime; for an RFC 2069 response (no qop, no nc) the nonce itself allows once. A
 * retransmission is not a replay: the first allow records the request's transaction id (top Via
 * branch) and a hash of its response, and the same pair arriving again with both equal gets the
 * same allow.
 */
import { createHash } from 'node:crypto';

/** What the first allow of a pair records. */
export interface ReplayUse {
  /** The top Via branch; absent when the edge did not pass one (then nothing can match it). */
  transactionId?: string;
  /** The digest `response` as received (hashed before it is stored). */
  response: string;
}

/** `first`: this use claimed the pair; `retransmission`: the pair's first use, again; `replayed`: anything else. */
export type ReplayVerdict = 'first' | 'retransmission' | 'replayed';

/** Records a use of a pair; cluster-wide in production (see KvReplayGuard). */
export interface ReplayGuard {
  claim(key: string, use: ReplayUse): Promise<ReplayVerdict>;
}

/**
 * The key of one use: hex SHA-256 of `nonce|nc` (nc lower-cased: `0000000A` and `0000000a` count
 * the same). Hex keeps it safe as a NATS KV key whatever the nonce holds.
 */
export function replayKey(nonce: string, nc: string | undefined): string {
  return createHash('sha256').update(`${nonce}|${nc === undefined ? '' : nc.toLowerCase()}`).digest('hex');
}

/**
 * The stored form of a use: base64 of the first 16 bytes of SHA-256(response), then the transaction
 * id, space-separated (the hash never holds a space). A use without a transaction id stores the hash
 * alone, so no later use can match it.
 */
export function encodeUse(use: ReplayUse): string {
  const hash = createHash('sha256').update(use.response).digest().subarray(0, 16).toString('base64');
  return use.transactionId === undefined ? hash : `${hash} ${use.transactionId}`;
}

/** Whether `use` is a retransmission of the first use stored as `stored` (an empty record never matches). */
export function isRetransmission(stored: string, use: ReplayUse): boolean {
  return use.transactionId !== undefined && stored.includes(' ') && stored === encodeUse(use);
}

/** A single-process guard, for unit tests; entries expire after `ttlMs`. */
export class InMemoryReplayGuard implements ReplayGuard {
  private readonly used = new Map<string, { at: number; stored: string }>();

  constructor(private readonly ttlMs = 300_000, private readonly now: () => number = Date.now) {}

  async claim(key: string, use: ReplayUse): Promise<ReplayVerdict> {
    const entry = this.used.get(key);
    if (entry !== undefined && this.now() - entry.at < this.ttlMs) return isRetransmission(entry.stored, use) ? 'retransmission' : 'replayed';
    this.used.set(key, { at: this.now(), stored: encodeUse(use) });
    return 'first';
  }
}
