/**
 * The lockout state one replica holds in memory (SPEC §5.1), pure and driven by a clock: windowed
 * failure counts per trunk and source IP (and per trunk and username, which only alert), and the
 * active lockouts. Every replica feeds its book the same failures (see LockoutRegistry), so every
 * book crosses the same thresholds; lookups are one Map.get.
 */
import type { LockoutPolicy } from '@sipauth/contracts';

/** One counted failure as every replica receives it. */
export interface FailureReport {
  trunkId: string;
  accountId: string;
  /** Normal text form (formatSourceIp). */
  sourceIp: string;
  username: string;
  policy: Pick<LockoutPolicy, 'maxFailures' | 'windowSeconds' | 'lockoutSeconds'>;
}

/** An active lockout (times in epoch ms). */
export interface LockoutRecord {
  trunkId: string;
  accountId: string;
  sourceIp: string;
  lockedAt: number;
  expiresAt: number;
  failures: number;
}

/** What one failure crossed. */
export interface FailureOutcome { lockout?: LockoutRecord; usernameFailures?: number }

/**
 * The key of a trunk and source, also their key in the `<ns>_lockouts` bucket: KV keys allow
 * `[-/_=.a-zA-Z0-9]`, so an IPv6 address's colons become underscores.
 */
export const lockoutKey = (trunkId: string, sourceIp: string): string =>
  sourceIp.indexOf(':') < 0 ? `${trunkId}.${sourceIp}` : `${trunkId}.${sourceIp.replace(/:/g, '_')}`;

/** Keys tracked per map before the oldest are forgotten: a spray of sources cannot grow memory without bound. */
const DEFAULT_MAX_TRACKED = 100_000;

export class LockoutBook {
  private readonly locks = new Map<string, LockoutRecord>();
  /** Failure times (epoch ms, oldest first) within the window, per lockout key and per `trunkId username`. */
  private readonly bySource = new Map<string, number[]>();
  private readonly byUsername = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now, private readonly maxTracked = DEFAULT_MAX_TRACKED) {}

  /** Whether any source has failures counted (lets a success skip all work when none has). */
  get counting(): boolean { return this.bySource.size > 0; }

  get lockCount(): number { return this.locks.size; }

  /** When the lockout of `key` ends; undefined when there is none (an expired one is still returned: the caller compares). */
  lockedUntil(key: string): number | undefined {
    return this.locks.get(key)?.expiresAt;
  }

  hasFailures(key: string): boolean {
    return this.bySource.has(key);
  }

  /** Counts one failure; returns the lockout it started and the username's count when that crossed the threshold. */
  countFailure(report: FailureReport): FailureOutcome {
    const now = this.now();
    const { maxFailures, windowSeconds, lockoutSeconds } = report.policy;
    const outcome: FailureOutcome = {};
    const key = lockoutKey(report.trunkId, report.sourceIp);
    const failures = this.hit(this.bySource, key, now, windowSeconds, maxFailures);
    if (failures !== undefined) {
      const lockout = { trunkId: report.trunkId, accountId: report.accountId, sourceIp: report.sourceIp, lockedAt: now, expiresAt: now + lockoutSeconds * 1000, failures };
      this.locks.set(key, lockout);
      outcome.lockout = lockout;
    }
    const usernameFailures = this.hit(this.byUsername, `${report.trunkId} ${report.username}`, now, windowSeconds, maxFailures);
    if (usernameFailures !== undefined) outcome.usernameFailures = usernameFailures;
    return outcome;
  }

  /** A verified response from the source: its count starts again. */
  resetSource(key: string): void {
    this.bySource.delete(key);
  }

  /** Records a lockout another replica wrote (or replaces one); an expired record is dropped instead. */
  putLock(key: string, record: LockoutRecord): void {
    if (record.expiresAt > this.now()) this.locks.set(key, record);
    else this.locks.delete(key);
  }

  /** Ends the lockouts (and counts) of a trunk, or of one of its sources; returns how many active lockouts ended. */
  clear(trunkId: string, sourceIp?: string): number {
    const now = this.now();
    const prefix = sourceIp === undefined ? `${trunkId}.` : undefined;
    const exact = sourceIp === undefined ? undefined : lockoutKey(trunkId, sourceIp);
    const matches = (key: string) => (exact !== undefined ? key === exact : key.startsWith(prefix!));
    let cleared = 0;
    for (const [key, record] of this.locks) {
      if (!matches(key)) continue;
      if (record.expiresAt > now) cleared++;
      this.locks.delete(key);
    }
    for (const key of this.bySource.keys()) if (matches(key)) this.bySource.delete(key);
    return cleared;
  }

  removeLock(key: string): void {
    this.locks.delete(key);
  }

  /** The active lockouts of a trunk, soonest to end first. */
  active(trunkId: string): LockoutRecord[] {
    const now = this.now();
    return [...this.locks.values()].filter((r) => r.trunkId === trunkId && r.expiresAt > now).sort((a, b) => a.expiresAt - b.expiresAt);
  }

  /** Forgets ended lockouts and counts whose newest failure left the window (called on a timer). */
  sweep(maxWindowSeconds: number): void {
    const now = this.now();
    for (const [key, record] of this.locks) if (record.expiresAt <= now) this.locks.delete(key);
    for (const map of [this.bySource, this.byUsername]) {
      for (const [key, times] of map) if (times[times.length - 1] <= now - maxWindowSeconds * 1000) map.delete(key);
    }
  }

  /**
   * Adds a failure at `now` to `key`'s window; when the window then holds `max` failures, forgets them
   * and returns their number (the threshold was crossed), otherwise undefined.
   */
  private hit(map: Map<string, number[]>, key: string, now: number, windowSeconds: number, max: number): number | undefined {
    let times = map.get(key);
    if (times === undefined) {
      if (map.size >= this.maxTracked) map.delete(map.keys().next().value as string);
      map.set(key, (times = []));
    }
    const since = now - windowSeconds * 1000;
    let stale = 0;
    while (stale < times.length && times[stale] <= since) stale++;
    if (stale > 0) times.splice(0, stale);
    times.push(now);
    if (times.length < max) return undefined;
    map.delete(key);
    return times.length;
  }
}
