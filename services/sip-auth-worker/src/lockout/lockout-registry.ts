/**
 * Brute-force lockout across replicas (SPEC §5.1), behind the engine's {@link LockoutGate}:
 *  - a counted failure is a line of a core NATS publish (no round trip, no await) on an internal
 *    subject that every replica subscribes to without a queue group, so every replica's
 *    {@link LockoutBook} counts every failure and crosses every threshold itself, at once. The lines
 *    wait for the next reply the worker sends ({@link flushEvents}, called just before it), so they go
 *    out ahead of it in the same socket write: every replica has counted a failure before its caller
 *    hears of it, and counting adds no write of its own;
 *  - the replica whose own failure crossed it writes the lockout into KV `<ns>_lockouts`, which every
 *    replica watches into its book: replicas started later, and operators' list/clear, see it too;
 *  - the check on the hot path is one Map lookup (none at all while no lockout exists).
 * A verified response publishes a reset only when the source has failures counted.
 */
import type { KV, NatsConnection, QueuedIterator, KvEntry, Subscription } from 'nats';
import { lockoutBucket, lockoutEventsSubject, type LockoutView, openKvBucket } from '@sipauth/contracts';
import { formatSourceIp, type SourceIp } from '@sipauth/ip-acl-match';
import { randomBytes } from 'node:crypto';
import type { TrunkView } from '../authorization/auth-lookup';
import type { CountedFailure, LockoutGate } from '../authorization/lockout-gate';
import { LockoutBook, lockoutKey, type LockoutRecord } from './lockout-book';
import { decodeEvents, encodeEvent, type LockoutEvent } from './lockout-events';

/** The longest lockoutSeconds the bucket keeps a record for (the record's own expiry decides before that). */
const BUCKET_MAX_AGE_SECONDS = 7 * 24 * 3600;
const SWEEP_MS = 10_000;

/** What a lockout reports to the metrics. */
export interface LockoutSink {
  lockedOut(record: LockoutRecord): void;
  usernameThreshold(trunkId: string, failures: number): void;
  failureCounted(reason: CountedFailure): void;
}

const decoder = new TextDecoder();

export interface LockoutRegistryOptions {
  replicas?: number;
  log?: (message: string) => void;
  sink?: LockoutSink;
  now?: () => number;
}

export class LockoutRegistry implements LockoutGate {
  /** Tells this replica's own failures apart when they come back from the subject. */
  private readonly origin = randomBytes(6).toString('hex');
  private readonly book: LockoutBook;
  private readonly subscription: Subscription;
  private watch?: QueuedIterator<KvEntry>;
  private readonly sweeper: NodeJS.Timeout;
  private longestWindow = 60;
  /** The last source formatted: a request that is checked and then fails is formatted once. */
  private lastSource?: SourceIp;
  private lastSourceText = '';
  /** Event lines waiting for the next reply the worker writes (or the next turn of the event loop). */
  private pending: string[] = [];
  private closed = false;

  private constructor(private readonly nc: NatsConnection, private readonly ns: string, private readonly kv: KV, private readonly opts: LockoutRegistryOptions) {
    this.book = new LockoutBook(opts.now);
    this.subscription = nc.subscribe(lockoutEventsSubject(ns), { callback: (err, msg) => { if (!err) this.onEvent(msg.data); } });
    this.sweeper = setInterval(() => this.book.sweep(this.longestWindow), SWEEP_MS);
    this.sweeper.unref();
  }

  /** Opens (creating if needed) the namespace's lockout bucket and starts following it and the events. */
  static async open(nc: NatsConnection, ns: string, opts: LockoutRegistryOptions = {}): Promise<LockoutRegistry> {
    const kv = await openKvBucket(nc.jetstream(), lockoutBucket(ns), { history: 1, ttl: BUCKET_MAX_AGE_SECONDS * 1000, replicas: opts.replicas ?? 1 });
    const registry = new LockoutRegistry(nc, ns, kv, opts);
    await registry.follow();
    return registry;
  }

  lockedUntil(trunk: TrunkView, source: SourceIp): number | undefined {
    if (this.book.lockCount === 0) return undefined;
    return this.book.lockedUntil(lockoutKey(trunk.trunkId, this.text(source)));
  }

  failed(trunk: TrunkView, source: SourceIp, username: string, reason: CountedFailure): void {
    const { maxFailures, windowSeconds, lockoutSeconds } = trunk.lockoutPolicy;
    this.publish({ k: 'f', origin: this.origin, trunkId: trunk.trunkId, accountId: trunk.accountId, sourceIp: this.text(source), maxFailures, windowSeconds, lockoutSeconds, username });
    this.opts.sink?.failureCounted(reason);
  }

  succeeded(trunk: TrunkView, source: SourceIp): void {
    if (!this.book.counting) return;
    const ip = this.text(source);
    if (this.book.hasFailures(lockoutKey(trunk.trunkId, ip))) this.publish({ k: 'ok', trunkId: trunk.trunkId, sourceIp: ip });
  }

  /** Whether this replica counts failures of the source on the trunk (for tests and diagnostics). */
  hasFailures(trunk: TrunkView, source: SourceIp): boolean {
    return this.book.hasFailures(lockoutKey(trunk.trunkId, formatSourceIp(source)));
  }

  /** The trunk's active lockouts, soonest to end first. */
  list(trunkId: string): LockoutView[] {
    return this.book.active(trunkId).map((r) => ({
      trunkId: r.trunkId, sourceIp: r.sourceIp, lockedAt: new Date(r.lockedAt).toISOString(), expiresAt: new Date(r.expiresAt).toISOString(), failures: r.failures,
    }));
  }

  /** Ends the trunk's lockouts (one source's when given) and their counts on every replica; resolves how many were active. */
  async clear(trunkId: string, sourceIp?: string): Promise<number> {
    const cleared = this.book.clear(trunkId, sourceIp);
    const keys = sourceIp === undefined ? await this.keysOf(trunkId) : [lockoutKey(trunkId, sourceIp)];
    for (const key of keys) await this.kv.delete(key);
    this.publish(sourceIp === undefined ? { k: 'clear', trunkId } : { k: 'clear', trunkId, sourceIp });
    this.flushEvents();
    await this.nc.flush();
    return cleared;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweeper);
    this.watch?.stop();
    await this.subscription.drain().catch(() => undefined);
  }

  /**
   * Publishes the event lines waiting, as one message; the responder calls it before each reply.
   * Lines that no reply follows (an operator's clear) are sent on the next turn of the event loop.
   */
  flushEvents(): void {
    if (this.pending.length === 0) return;
    const lines = this.pending;
    this.pending = [];
    try {
      this.nc.publish(lockoutEventsSubject(this.ns), lines.join('\n'));
    } catch (err) {
      this.opts.log?.(`${lines.length} lockout events not published: ${(err as Error).message}`);
    }
  }

  private text(source: SourceIp): string {
    if (source !== this.lastSource) {
      this.lastSource = source;
      this.lastSourceText = formatSourceIp(source);
    }
    return this.lastSourceText;
  }

  private publish(event: LockoutEvent): void {
    if (this.pending.push(encodeEvent(event)) === 1) setImmediate(() => this.flushEvents());
  }

  private onEvent(data: Uint8Array): void {
    for (const event of decodeEvents(decoder.decode(data))) {
      if (event.k === 'ok') this.book.resetSource(lockoutKey(event.trunkId, event.sourceIp));
      else if (event.k === 'clear') this.book.clear(event.trunkId, event.sourceIp);
      else this.countFailure(event);
    }
  }

  private countFailure(e: Extract<LockoutEvent, { k: 'f' }>): void {
    if (e.windowSeconds > this.longestWindow) this.longestWindow = e.windowSeconds;
    const outcome = this.book.countFailure({ trunkId: e.trunkId, accountId: e.accountId, sourceIp: e.sourceIp, username: e.username, policy: e });
    // Every replica crossed the same threshold; only the one whose failure crossed it writes, logs and counts it.
    if (e.origin !== this.origin) return;
    if (outcome.lockout) {
      const record = outcome.lockout;
      this.kv.put(lockoutKey(record.trunkId, record.sourceIp), JSON.stringify(record)).catch((err: Error) => this.opts.log?.(`lockout not stored: ${err.message}`));
      this.opts.log?.(`lockout: source ${record.sourceIp} locked out of trunk ${record.trunkId} until ${new Date(record.expiresAt).toISOString()} after ${record.failures} failed attempts within ${e.windowSeconds} s`);
      this.opts.sink?.lockedOut(record);
    }
    if (outcome.usernameFailures !== undefined) {
      this.opts.log?.(`lockout: username ${JSON.stringify(e.username)} of trunk ${e.trunkId} had ${outcome.usernameFailures} failed attempts within ${e.windowSeconds} s (reported, never locked)`);
      this.opts.sink?.usernameThreshold(e.trunkId, outcome.usernameFailures);
    }
  }

  /**
   * Loads the bucket (waiting at most two seconds before serving) and follows it until closed; a
   * watch that ends on its own (a lost consumer, a NATS restart) is opened again a second later.
   */
  private async follow(): Promise<void> {
    let initialised!: () => void;
    const loaded = new Promise<void>((resolve) => { initialised = resolve; });
    void (async () => {
      while (!this.closed) {
        try {
          this.watch = await this.kv.watch({ key: '>', initializedFn: () => initialised() });
          if (this.closed) this.watch.stop();
          for await (const entry of this.watch) this.apply(entry);
        } catch (err) {
          this.opts.log?.(`lockout watch failed: ${(err as Error).message}`);
        }
        if (this.closed) return;
        this.opts.log?.('lockout watch ended; watching again');
        await new Promise((r) => setTimeout(r, 1000));
      }
    })();
    await Promise.race([loaded, new Promise((r) => setTimeout(r, 2000).unref())]);
  }

  private apply(entry: KvEntry): void {
    if (entry.operation !== 'PUT') {
      this.book.removeLock(entry.key);
      return;
    }
    try {
      this.book.putLock(entry.key, entry.json<LockoutRecord>());
    } catch {
      this.opts.log?.(`unreadable lockout ${entry.key}`);
    }
  }

  private async keysOf(trunkId: string): Promise<string[]> {
    const keys: string[] = [];
    for await (const key of await this.kv.keys(`${trunkId}.>`)) keys.push(key);
    return keys;
  }
}
