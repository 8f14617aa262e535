/**
 * The single-active lease. Several replicas may run; only the holder of the lease applies events.
 *
 * The lease is the KV key `lease` in `<ns>_projection`, holding `{holder, expiresAt}`. A replica
 * takes it with `create` when the key is absent or deleted, or with `update(…, revision)` when the
 * stored lease has expired (or is its own): JetStream's compare-and-set on the key's revision lets
 * exactly one contender win. The holder renews every third of the TTL, again by compare-and-set;
 * a renewal that fails means the lease is lost. `held` also checks a local deadline (the time the
 * last successful renewal was *sent* plus {@link HOLDER_SHARE} of the TTL), so a holder whose event
 * loop stalled stops writing a fifth of the TTL before a standby may take over — as long as clocks
 * agree to within that. Writes into the read model are compare-and-set too (see ReadModelWriter),
 * which fences off a deposed holder that still writes even if clocks do not agree.
 *
 * A standby does not poll: it remembers when the lease it saw expires and tries again right then
 * ({@link retryInMs}), and it watches the key, so that a released lease is taken at once.
 */
import { KvWatchInclude, type KV } from 'nats';
import { LEASE_KEY, decodeKvJson } from '@sipauth/contracts';
import { encodeJson } from './kv-json';

export interface LeaseDoc { holder: string; expiresAt: string }

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

  /** Extends the lease; false (and no longer held) when it was lost or could not be renewed. */
  async renew(): Promise<boolean> {
    if (this.revision === 0) return false;
    const startedAt = this.now();
    try {
      this.revision = await this.kv.update(LEASE_KEY, encodeJson(this.doc(startedAt)), this.revision);
      this.deadline = startedAt + this.ttlMs * HOLDER_SHARE;
      return true;
    } catch {
      this.lose();
      return false;
    }
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
