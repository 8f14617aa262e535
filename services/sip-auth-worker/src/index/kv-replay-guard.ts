/**
 * The replay guard shared by every replica: NATS KV bucket `<ns>_nonces` whose max_age outlives a
 * nonce, and create-if-absent, which the server decides atomically (expected last sequence 0), so
 * exactly one replica's claim of a nonce/nc pair succeeds. The create carries the first use's
 * transaction id and response hash, so the first verification costs one round trip as before; only
 * a pair already used costs a second one (a get) to tell a retransmission from a replay.
 */
import type { JetStreamClient, KV } from 'nats';
import { isWrongLastSequence, nonceBucket } from '@sipauth/contracts';
import { encodeUse, isRetransmission, ReplayGuard, ReplayUse, ReplayVerdict } from '../authorization/replay-guard';

/** Keys outlive the nonce by this much, so clock differences between replicas cannot reopen a pair. */
const MARGIN_SECONDS = 30;

export class KvReplayGuard implements ReplayGuard {
  private constructor(private readonly kv: KV) {}

  /**
   * Opens (creating if needed) the namespace's nonce bucket. An existing bucket keeps the max age it
   * was created with: if that is shorter than a nonce lives (SIPAUTH_NONCE_TTL_SECONDS was raised since),
   * a pair would be forgotten while its nonce is still valid, so the worker refuses to start.
   */
  static async open(js: JetStreamClient, namespace: string, nonceTtlSeconds: number, replicas = 1): Promise<KvReplayGuard> {
    const ttlMs = (nonceTtlSeconds + MARGIN_SECONDS) * 1000;
    const kv = await js.views.kv(nonceBucket(namespace), { ttl: ttlMs, history: 1, replicas });
    const keptMs = (await kv.status()).ttl;
    if (keptMs > 0 && keptMs < ttlMs) {
      throw new Error(
        `KV bucket ${nonceBucket(namespace)} forgets nonce/nc pairs after ${keptMs / 1000} s, but nonces live ${nonceTtlSeconds} s ` +
          `(SIPAUTH_NONCE_TTL_SECONDS): replays would pass. Raise the bucket's max age to at least ${ttlMs / 1000} s ` +
          `(nats stream edit KV_${nonceBucket(namespace)} --max-age=${ttlMs / 1000}s) or delete the bucket, then start again`,
      );
    }
    return new KvReplayGuard(kv);
  }

  async claim(key: string, use: ReplayUse): Promise<ReplayVerdict> {
    try {
      // A put expecting no earlier value, rather than kv.create: on a pair already used, create reads
      // the key back itself (to look for a delete marker, which this bucket never holds).
      await this.kv.put(key, encodeUse(use), { previousSeq: 0 });
      return 'first';
    } catch (err) {
      if (!isWrongLastSequence(err)) throw err;
    }
    if (use.transactionId === undefined) return 'replayed';
    const stored = await this.kv.get(key);
    return stored && stored.operation === 'PUT' && isRetransmission(stored.string(), use) ? 'retransmission' : 'replayed';
  }
}
