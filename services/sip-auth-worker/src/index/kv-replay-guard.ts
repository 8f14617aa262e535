/**
 * The replay guard shared by every replica: NATS KV bucket `<ns>_nonces` whose max_age outlives a
 * nonce, and create-if-absent, which the server decides atomically (expected last sequence 0), so
 * exactly one replica's claim of a nonce/nc pair succeeds. The create carries the first use's
 * transaction id and response hash, so the first verification costs one round trip as before; only
 * a pair already used costs a second one (a get) to tell a retransmission from a replay.
 *
 * The create is a JetStream publish with the expected-last-subject-sequence header, sent with
 * `nc.publish` on one wildcard inbox and one sweep timer (the bridge's InboxRequester pattern):
 * `kv.put` goes through `js.publish` → `nc.request()`, which allocates a request object, two Errors
 * (async stack traces) and a timer per call, the worker's largest cost per call after socket writes.
 * The ack is checked as `js.publish` checks it: a JetStream error (err_code 10071 = already claimed)
 * or an ack without a stream is a failure, as are no responders, a timeout and a closed connection.
 */
import { createInbox, headers, type KV, type Msg, type MsgHdrs, type NatsConnection, type Subscription } from 'nats';
import { isWrongLastSequence, nonceBucket, openKvBucket } from '@sipauth/contracts';
import { encodeUse, isRetransmission, ReplayGuard, ReplayUse, ReplayVerdict } from '../authorization/replay-guard';

/** Keys outlive the nonce by this much, so clock differences between replicas cannot reopen a pair. */
const MARGIN_SECONDS = 30;
/** nats.js's JetStream publish timeout (JetStreamOptions.timeout default). */
const ACK_TIMEOUT_MS = 5_000;
const EXPECT_NO_EARLIER_VALUE = 'Nats-Expected-Last-Subject-Sequence';

type Bucket = KV & { subjectForKey(key: string, edit?: boolean): string };
interface Pending { deadline: number; resolve(): void; reject(err: Error): void }

/** A JetStream error from an ack, shaped as nats.js's (api_error), so isWrongLastSequence reads it the same way. */
class JetStreamAckError extends Error {
  constructor(readonly api_error: { code?: number; err_code?: number; description?: string }) {
    super(api_error.description ?? `JetStream error ${api_error.code ?? ''}`);
  }
}

/** Compare-and-set publishes whose acks come back on one wildcard inbox; deadlines swept by one timer. */
class AckedPublisher {
  private readonly prefix: string;
  private readonly pending = new Map<string, Pending>();
  private readonly sub: Subscription;
  private readonly sweeper: NodeJS.Timeout;
  private readonly expectNone: MsgHdrs;
  private seq = 0;

  constructor(private readonly nc: NatsConnection, inboxPrefix: string | undefined, private readonly timeoutMs: number) {
    this.prefix = `${createInbox(inboxPrefix)}.`;
    this.expectNone = headers();
    this.expectNone.set(EXPECT_NO_EARLIER_VALUE, '0');
    this.sub = nc.subscribe(`${this.prefix}*`, { callback: (err, msg) => !err && this.onAck(msg) });
    this.sweeper = setInterval(() => this.sweep(Date.now()), Math.max(10, Math.min(100, timeoutMs / 10)));
    this.sweeper.unref();
    void this.sub.closed.then(() => this.close(), () => this.close());
  }

  /** Publishes `data` to `subject` only if the subject holds no message yet; resolves once JetStream stored it. */
  createIfAbsent(subject: string, data: string): Promise<void> {
    if (this.sub.isClosed()) return Promise.reject(new Error('replay guard: the NATS connection is closed'));
    const token = (this.seq = (this.seq + 1) % Number.MAX_SAFE_INTEGER).toString(36);
    return new Promise<void>((resolve, reject) => {
      this.pending.set(token, { deadline: Date.now() + this.timeoutMs, resolve, reject });
      try {
        this.nc.publish(subject, data, { reply: this.prefix + token, headers: this.expectNone });
      } catch (err) {
        this.pending.delete(token);
        reject(err as Error);
      }
    });
  }

  private onAck(msg: Msg): void {
    const token = msg.subject.slice(this.prefix.length);
    const waiting = this.pending.get(token);
    if (!waiting) return;
    this.pending.delete(token);
    if (msg.headers?.code === 503 && msg.data.length === 0) {
      waiting.reject(new Error('replay guard: no JetStream responders (503)'));
      return;
    }
    let ack: { stream?: string; error?: { code?: number; err_code?: number; description?: string } };
    try {
      ack = JSON.parse(Buffer.from(msg.data.buffer, msg.data.byteOffset, msg.data.byteLength).toString('utf8'));
    } catch {
      waiting.reject(new Error('replay guard: JetStream ack is not JSON'));
      return;
    }
    if (ack.error) waiting.reject(new JetStreamAckError(ack.error));
    else if (!ack.stream) waiting.reject(new Error('replay guard: invalid JetStream ack (no stream)'));
    else waiting.resolve();
  }

  private sweep(now: number): void {
    for (const [token, waiting] of this.pending) {
      if (waiting.deadline > now) break;
      this.pending.delete(token);
      waiting.reject(new Error(`replay guard: no JetStream ack within ${this.timeoutMs} ms`));
    }
  }

  /** The subscription ended (the connection closed or drained): nothing pending can be acked any more. */
  private close(): void {
    clearInterval(this.sweeper);
    for (const waiting of this.pending.values()) waiting.reject(new Error('replay guard: the NATS connection is closed'));
    this.pending.clear();
  }
}

export class KvReplayGuard implements ReplayGuard {
  private constructor(private readonly kv: Bucket, private readonly publisher: AckedPublisher) {}

  /**
   * Opens (creating if needed) the namespace's nonce bucket. An existing bucket keeps the max age it
   * was created with: if that is shorter than a nonce lives (SIPAUTH_NONCE_TTL_SECONDS was raised since),
   * a pair would be forgotten while its nonce is still valid, so the worker refuses to start.
   */
  static async open(nc: NatsConnection, namespace: string, nonceTtlSeconds: number, replicas = 1, inboxPrefix?: string): Promise<KvReplayGuard> {
    const ttlMs = (nonceTtlSeconds + MARGIN_SECONDS) * 1000;
    const kv = (await openKvBucket(nc.jetstream(), nonceBucket(namespace), { ttl: ttlMs, history: 1, replicas })) as Bucket;
    if (typeof kv.subjectForKey !== 'function') throw new Error('nats.js KV bucket has no subjectForKey: the replay guard needs updating for this nats.js version');
    const keptMs = (await kv.status()).ttl;
    if (keptMs > 0 && keptMs < ttlMs) {
      throw new Error(
        `KV bucket ${nonceBucket(namespace)} forgets nonce/nc pairs after ${keptMs / 1000} s, but nonces live ${nonceTtlSeconds} s ` +
          `(SIPAUTH_NONCE_TTL_SECONDS): replays would pass. Raise the bucket's max age to at least ${ttlMs / 1000} s ` +
          `(nats stream edit KV_${nonceBucket(namespace)} --max-age=${ttlMs / 1000}s) or delete the bucket, then start again`,
      );
    }
    return new KvReplayGuard(kv, new AckedPublisher(nc, inboxPrefix, ACK_TIMEOUT_MS));
  }

  async claim(key: string, use: ReplayUse): Promise<ReplayVerdict> {
    try {
      // A put expecting no earlier value, rather than kv.create: on a pair already used, create reads
      // the key back itself (to look for a delete marker, which this bucket never holds). Keys are hex
      // (replayKey), valid KV keys as they are.
      await this.publisher.createIfAbsent(this.kv.subjectForKey(key, true), encodeUse(use));
      return 'first';
    } catch (err) {
      if (!isWrongLastSequence(err)) throw err;
    }
    if (use.transactionId === undefined) return 'replayed';
    const stored = await this.kv.get(key);
    return stored && stored.operation === 'PUT' && isRetransmission(stored.string(), use) ? 'retransmission' : 'replayed';
  }
}
