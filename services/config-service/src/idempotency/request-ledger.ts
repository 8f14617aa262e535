/**
 * Safe retries: the first reply to (accountId, command, requestId) is kept in the KV bucket
 * `<ns>_requests` for 24 hours; a retry gets that reply and writes nothing. `create` (put-if-absent)
 * decides which of two concurrent attempts executes; the other waits for the winner's reply. Only the
 * reply is stored, never the request (it may hold a password).
 */
import { createHash } from 'node:crypto';
import type { KV, NatsConnection } from 'nats';
import { requestsBucket, type Reply } from '@sipauth/contracts';

const MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** A pending entry older than this belongs to an attempt that died; a retry may take it over. */
const ABANDONED_AFTER_MS = 30_000;

type LedgerEntry = { state: 'pending'; since: number } | { state: 'done'; reply: Reply<unknown> };

const encode = (entry: LedgerEntry): string => JSON.stringify(entry);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class RequestLedger {
  private constructor(private readonly kv: KV) {}

  static async open(nc: NatsConnection, namespace: string, replicas = 1): Promise<RequestLedger> {
    const kv = await nc.jetstream().views.kv(requestsBucket(namespace), { history: 1, ttl: MAX_AGE_MS, replicas });
    return new RequestLedger(kv);
  }

  /** The KV key: requestIds are free text, so they are hashed into a valid key token. */
  static keyOf(accountId: string, command: string, requestId: string): string {
    return `${accountId}.${createHash('sha256').update(`${command}\n${requestId}`, 'utf8').digest('hex')}`;
  }

  /**
   * Runs `execute` at most once per key and returns its reply; a repeat returns the stored reply.
   * An INTERNAL reply or a thrown error is not stored, so the request can be retried.
   */
  async once(key: string, execute: () => Promise<Reply<unknown>>): Promise<Reply<unknown>> {
    for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
      const claimed = await this.claim(key);
      if (claimed === 'claimed') return this.execute(key, execute);
      if (claimed.state === 'done') return claimed.reply;
      await sleep(wait);
    }
  }

  private async claim(key: string): Promise<'claimed' | LedgerEntry> {
    try {
      await this.kv.create(key, encode({ state: 'pending', since: Date.now() }));
      return 'claimed';
    } catch (err) {
      const entry = await this.kv.get(key);
      if (!entry || entry.operation !== 'PUT') {
        if (entry) return { state: 'pending', since: Date.now() }; // deleted meanwhile: try to claim again
        throw err;
      }
      const current = entry.json<LedgerEntry>();
      if (current.state === 'pending' && Date.now() - current.since > ABANDONED_AFTER_MS) {
        const took = await this.kv.update(key, encode({ state: 'pending', since: Date.now() }), entry.revision).then(() => true, () => false);
        if (took) return 'claimed';
      }
      return current;
    }
  }

  private async execute(key: string, execute: () => Promise<Reply<unknown>>): Promise<Reply<unknown>> {
    let reply: Reply<unknown>;
    try {
      reply = await execute();
    } catch (err) {
      await this.kv.delete(key).catch(() => undefined);
      throw err;
    }
    if (!reply.ok && reply.error.code === 'INTERNAL') {
      await this.kv.delete(key).catch(() => undefined);
    } else {
      await this.kv.put(key, encode({ state: 'done', reply }));
    }
    return reply;
  }
}
