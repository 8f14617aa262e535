/**
 * Replay protection (SPEC §5): a nonce/nc pair allows at most once across all replicas within the
 * nonce lifetime; for an RFC 2069 response (no qop, no nc) the nonce itself allows once.
 */
import { createHash } from 'node:crypto';

/** Records a use; resolves false when the same key was already used (by any replica). */
export interface ReplayGuard {
  claim(key: string): Promise<boolean>;
}

/**
 * The key of one use: hex SHA-256 of `nonce|nc` (nc lower-cased: `0000000A` and `0000000a` count
 * the same). Hex keeps it safe as a NATS KV key whatever the nonce holds.
 */
export function replayKey(nonce: string, nc: string | undefined): string {
  return createHash('sha256').update(`${nonce}|${nc === undefined ? '' : nc.toLowerCase()}`).digest('hex');
}

/** A single-process guard, for unit tests; entries expire after `ttlMs`. */
export class InMemoryReplayGuard implements ReplayGuard {
  private readonly used = new Map<string, number>();

  constructor(private readonly ttlMs = 300_000, private readonly now: () => number = Date.now) {}

  async claim(key: string): Promise<boolean> {
    const at = this.used.get(key);
    if (at !== undefined && this.now() - at < this.ttlMs) return false;
    this.used.set(key, this.now());
    return true;
  }
}
