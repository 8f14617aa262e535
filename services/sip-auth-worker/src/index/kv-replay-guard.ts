/**
 * The replay guard shared by every replica: NATS KV bucket `<ns>_nonces` whose max_age outlives a
 * nonce, and create-if-absent, which the server decides atomically (expected last sequence 0), so
 * exactly one replica's claim of a nonce/nc pair succeeds.
 */
import type { JetStreamClient, KV } from 'nats';
import { nonceBucket } from '@sipauth/contracts';
import type { ReplayGuard } from '../authorization/replay-guard';

/** Keys outlive the nonce by this much, so clock differences between replicas cannot reopen a pair. */
const MARGIN_SECONDS = 30;
const WRONG_LAST_SEQUENCE = 10071;
const EMPTY = new Uint8Array(0);

export class KvReplayGuard implements ReplayGuard {
  private constructor(private readonly kv: KV) {}

  /** Opens (creating if needed) the namespace's nonce bucket. */
  static async open(js: JetStreamClient, namespace: string, nonceTtlSeconds: number): Promise<KvReplayGuard> {
    const kv = await js.views.kv(nonceBucket(namespace), { ttl: (nonceTtlSeconds + MARGIN_SECONDS) * 1000, history: 1 });
    return new KvReplayGuard(kv);
  }

  async claim(key: string): Promise<boolean> {
    try {
      await this.kv.create(key, EMPTY);
      return true;
    } catch (err) {
      if ((err as { api_error?: { err_code?: number } }).api_error?.err_code === WRONG_LAST_SEQUENCE) return false;
      throw err;
    }
  }
}
