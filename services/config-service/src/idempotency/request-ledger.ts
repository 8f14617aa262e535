/**
 * Safe retries: the first reply to (accountId, command, requestId) is kept in the KV bucket
 * `<ns>_requests` for 24 hours; a retry gets that reply and writes nothing. `create` (put-if-absent)
 * decides which of two concurrent attempts executes; the other waits for the winner's reply. Only the
 * reply is stored, never the request (it may hold a password): the request is remembered as a keyed
 * fingerprint (HMAC-SHA-256 under a key derived from the sealing key), so the same requestId with a
 * different request is refused instead of silently answered with the first reply, and a dump of the
 * bucket cannot be used to guess a password offline.
 */
import { createHash, createHmac, hkdfSync } from 'node:crypto';
import type { KV, NatsConnection } from 'nats';
import { fail, requestsBucket, type Reply, openKvBucket } from '@sipauth/contracts';

const MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** A pending entry older than this belongs to an attempt that died; a retry may take it over. */
const ABANDONED_AFTER_MS = 30_000;

/** `fingerprint` is absent in entries written before fingerprints existed: those match any request. */
type LedgerEntry = { state: 'pending'; since: number; fingerprint?: string } | { state: 'done'; reply: Reply<unknown>; fingerprint?: string };

/** The message of the CONFLICT a reused requestId gets (REST answers it 422); its detail names `requestId`. */
export const REQUEST_ID_REUSED = 'this requestId (Idempotency-Key) was already used for a different request';

/** Fields that do not make two requests different: the key itself and who asks. */
const NOT_FINGERPRINTED = new Set(['requestId', 'actor']);

/** JSON with object keys sorted at every level, so the same request always has the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const encode = (entry: LedgerEntry): string => JSON.stringify(entry);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class RequestLedger {
  private constructor(private readonly kv: KV, private readonly fingerprintKey: Buffer) {}

  /** `secret`: key material every replica shares (the current sealing key); only a derived key is used. */
  static async open(nc: NatsConnection, namespace: string, replicas = 1, secret: Buffer = Buffer.alloc(32)): Promise<RequestLedger> {
    const kv = await openKvBucket(nc.jetstream(), requestsBucket(namespace), { history: 1, ttl: MAX_AGE_MS, replicas });
    return new RequestLedger(kv, Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'sipauth request-ledger fingerprint', 32)));
  }

  /** The keyed fingerprint of a request body, without the fields that do not make it another request. */
  fingerprint(request: Record<string, unknown>): string {
    const significant = Object.fromEntries(Object.entries(request).filter(([k, v]) => !NOT_FINGERPRINTED.has(k) && v !== undefined));
    return createHmac('sha256', this.fingerprintKey).update(canonical(significant), 'utf8').digest('base64url');
  }

  /** The KV key: requestIds are free text, so they are hashed into a valid key token. */
  static keyOf(accountId: string, command: string, requestId: string): string {
    return `${accountId}.${createHash('sha256').update(`${command}\n${requestId}`, 'utf8').digest('hex')}`;
  }

  /**
   * Runs `execute` at most once per key and returns its reply; a repeat returns the stored reply.
   * An INTERNAL reply or a thrown error is not stored, so the request can be retried.
   */
  async once(key: string, execute: () => Promise<Reply<unknown>>, fingerprint?: string): Promise<Reply<unknown>> {
    for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
      const claimed = await this.claim(key, fingerprint);
      if (claimed === 'claimed') return this.execute(key, execute, fingerprint);
      if (fingerprint !== undefined && claimed.fingerprint !== undefined && claimed.fingerprint !== fingerprint) {
        return fail('CONFLICT', REQUEST_ID_REUSED, [{ field: 'requestId', message: 'was already used for a different request' }]);
      }
      if (claimed.state === 'done') return claimed.reply;
      await sleep(wait);
    }
  }

  private async claim(key: string, fingerprint: string | undefined): Promise<'claimed' | LedgerEntry> {
    try {
      await this.kv.create(key, encode({ state: 'pending', since: Date.now(), fingerprint }));
      return 'claimed';
    } catch (err) {
      const entry = await this.kv.get(key);
      if (!entry || entry.operation !== 'PUT') {
        if (entry) return { state: 'pending', since: Date.now() }; // deleted meanwhile: try to claim again
        throw err;
      }
      const current = entry.json<LedgerEntry>();
      if (current.state === 'pending' && Date.now() - current.since > ABANDONED_AFTER_MS) {
        const took = await this.kv.update(key, encode({ state: 'pending', since: Date.now(), fingerprint }), entry.revision).then(() => true, () => false);
        if (took) return 'claimed';
      }
      return current;
    }
  }

  private async execute(key: string, execute: () => Promise<Reply<unknown>>, fingerprint: string | undefined): Promise<Reply<unknown>> {
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
      await this.kv.put(key, encode({ state: 'done', reply, fingerprint }));
    }
    return reply;
  }
}
