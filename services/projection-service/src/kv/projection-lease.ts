/**
 * The single-active lease. Several replicas may run; only the holder of the lease applies events.
 *
 * The lease is the KV key `lease` in `<ns>_projection`, holding `{holder, expiresAt}`. A replica
 * takes it with `create` when the key is absent or deleted, or with `update(…, revision)` when the
 * stored lease has expired (or is its own): JetStream's compare-and-set on the key's revision lets
 * exactly one contender win. The holder renews every third of the TTL, again by compare-and-set;
 * a renewal refused by the compare-and-set means the lease is lost (another replica took it). `held`
 * also checks a local deadline (the time the last successful renewal was *sent* plus
 * {@link HOLDER_SHARE} of the TTL), so a holder whose event loop stalled stops writing a fifth of the
 * TTL before a standby may take over — as long as clocks agree to within that. Writes into the read
 * model are compare-and-set too (see ReadModelWriter), which fences off a deposed holder that still
 * writes even if clocks do not agree.
 *
 * A holder past its deadline is not deposed yet: {@link confirm} renews by compare-and-set on the
 * revision it last wrote, which succeeds only if no replica has written the key since, that is if none
 * took over. So a stall (a long garbage collection, decoding a large event on a loaded machine) pauses
 * the holder's writes until the renewal answers instead of ending its session, which used to send it
 * back to its checkpoint to apply the same events again. A renewal that fails for another reason (a
 * timeout) leaves the lease held until the deadline, and is tried again.
 *
 * A standby does not poll: it remembers when the lease it saw expires and tries again right then
 * ({@link retryInMs}), and it watches the key, so that a released lease is taken at once.
 */
import { KvWatchInclude, type KV } from 'nats';
import { LEASE_KEY, decodeKvJson, isWrongLastSequence } from '@sipauth/contracts';
import { encodeJson } from './kv-json';

export interface LeaseDoc { holder: string; expiresAt: string }

/** What a renewal did: see {@link ProjectionLease.renew}. */
export type Renewal = 'renewed' | 'lost' | 'failed';

/** The share of the TTL a holder writes for after a renewal: it stops before anyone may take over. */
export const HOLDER_SHARE = 0.8;
/** Tried again this long after the expiry a standby saw, so that the holder's own deadline has surely passed. */
const AFTER_EXPIRY_MS = 20;

export class ProjectionLease {
  private revision = 0;
  private deadline = 0;
  /** When the lease another replica holds expires, as last read; undefined when not known. */
  private othersExpiry: number | undefined;
  /** Lease reads made by `acquire` (a standby's attempts), for tests and the bench. */
  attempts = 0;
  /** Releases of the lease seen by {@link watchReleases}. */
  releasesSeen = 0;
  /** Renewals that succeeded after the holder's own deadline had passed (its writes paused meanwhile). */
  stalls = 0;
  private renewing: Promise<Renewal> | undefined;

  constructor(
    private readonly kv: KV,
    readonly holder: string,
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True while this instance holds an unexpired lease (by its own clock). */
  get held(): boolean {
    return this.revision > 0 && this.now() < this.deadline;
  }

  /** Takes the lease if it is free, expired or already ours; false when another replica holds it. */
  async acquire(): Promise<boolean> {
    const startedAt = this.now();
    this.attempts += 1;
    this.othersExpiry = undefined;
    const entry = await this.kv.get(LEASE_KEY);
    const current = decodeKvJson<LeaseDoc>(entry);
    const next = encodeJson(this.doc(startedAt));
    try {
      if (!entry || !current) {
        this.revision = await this.kv.create(LEASE_KEY, next);
      } else if (current.holder === this.holder || Date.parse(current.expiresAt) <= startedAt) {
        this.revision = await this.kv.update(LEASE_KEY, next, entry.revision);
      } else {
        this.othersExpiry = Date.parse(current.expiresAt);
        this.lose();
        return false;
      }
    } catch {
      this.lose();
      return false;
    }
    this.deadline = startedAt + this.ttlMs * HOLDER_SHARE;
    return true;
  }

  /**
   * How long a standby waits before trying again: until the lease it saw expires (renewals move that
   * on, so it reads once per renewal it missed at most), else a third of the TTL.
   */
  retryInMs(): number {
    if (this.othersExpiry === undefined) return this.ttlMs / 3;
    return Math.min(this.ttlMs, Math.max(0, this.othersExpiry - this.now()) + AFTER_EXPIRY_MS);
  }

  /** Calls `onFree` whenever the lease key is deleted or purged (a holder released it). Returns the stop function. */
  async watchReleases(onFree: () => void): Promise<() => void> {
    const watch = await this.kv.watch({ key: LEASE_KEY, include: KvWatchInclude.UpdatesOnly });
    void (async () => {
      for await (const entry of watch) {
        if (entry.operation === 'PUT') continue;
        this.releasesSeen += 1;
        onFree();
      }
    })().catch(() => undefined);
    return () => watch.stop();
  }

  /**
   * Extends the lease: `renewed`, `lost` (another replica wrote the key, or no answer came before the
   * lease's expiry: no longer held) or `failed` (no answer or another error before that: still held
   * until the deadline, to be tried again). Concurrent calls
   * share one renewal, since two updates on one revision would refuse each other.
   */
  renew(): Promise<Renewal> {
    if (this.revision === 0) return Promise.resolve('lost');
    this.renewing ??= this.renewOnce().finally(() => {
      this.renewing = undefined;
    });
    return this.renewing;
  }

  /**
   * Resolves true while this instance holds the lease: at once when its deadline has not passed,
   * otherwise once a renewal has proved that no replica took the lease meanwhile. False when lost (see
   * {@link renew}).
   */
  async confirm(): Promise<boolean> {
    while (!this.held) {
      const outcome = await this.renew();
      if (outcome === 'lost') return false;
      if (outcome === 'failed') await new Promise((resolve) => setTimeout(resolve, this.ttlMs / 30));
    }
    return true;
  }

  private async renewOnce(): Promise<Renewal> {
    const revision = this.revision;
    const startedAt = this.now();
    try {
      this.revision = await this.kv.update(LEASE_KEY, encodeJson(this.doc(startedAt)), revision);
      this.stalls += this.deadline > 0 && startedAt >= this.deadline ? 1 : 0;
      this.deadline = startedAt + this.ttlMs * HOLDER_SHARE;
      return 'renewed';
    } catch (err) {
      if (isWrongLastSequence(err) && !(await this.stillOurs(revision))) {
        this.lose();
        return 'lost';
      }
      // Unanswered past the lease's own expiry: a standby may hold it by now.
      if (this.now() >= this.deadline + this.ttlMs * (1 - HOLDER_SHARE)) {
        this.lose();
        return 'lost';
      }
      return 'failed';
    }
  }

  /**
   * After a refused renewal: true when the key still names this holder at a later revision (an update
   * of ours that timed out on the way back but was stored), which is then adopted; false otherwise.
   */
  private async stillOurs(revision: number): Promise<boolean> {
    const entry = await this.kv.get(LEASE_KEY).catch(() => null);
    const current = decodeKvJson<LeaseDoc>(entry);
    if (!entry || entry.operation !== 'PUT' || current?.holder !== this.holder || entry.revision <= revision) return false;
    // Only this holder writes its own name, so nobody held the lease in between.
    this.revision = entry.revision;
    return true;
  }

  /** Gives the lease up at once, so that a standby need not wait for it to expire. */
  async release(): Promise<void> {
    const revision = this.revision;
    this.lose();
    if (revision === 0) return;
    await this.kv.delete(LEASE_KEY, { previousSeq: revision }).catch(() => undefined);
  }

  private lose(): void {
    this.revision = 0;
    this.deadline = 0;
  }

  private doc(from: number): LeaseDoc {
    return { holder: this.holder, expiresAt: new Date(from + this.ttlMs).toISOString() };
  }
}
