/**
 * The lockout of a single process: a {@link LockoutBook} fed directly, with nothing shared. For unit
 * tests and tools; the worker uses LockoutRegistry, which feeds every replica's book the same way.
 */
import { formatSourceIp, type SourceIp } from '@sipauth/ip-acl-match';
import type { TrunkView } from '../authorization/auth-lookup';
import type { CountedFailure, LockoutGate } from '../authorization/lockout-gate';
import { LockoutBook, lockoutKey, type FailureOutcome } from './lockout-book';

export class LocalLockoutGate implements LockoutGate {
  readonly book: LockoutBook;
  /** What each counted failure crossed, newest last (tests read it). */
  readonly outcomes: FailureOutcome[] = [];

  constructor(now: () => number = Date.now) {
    this.book = new LockoutBook(now);
  }

  lockedUntil(trunk: TrunkView, source: SourceIp): number | undefined {
    return this.book.lockCount === 0 ? undefined : this.book.lockedUntil(lockoutKey(trunk.trunkId, formatSourceIp(source)));
  }

  failed(trunk: TrunkView, source: SourceIp, username: string, _reason: CountedFailure): void {
    const { trunkId, accountId, lockoutPolicy: policy } = trunk;
    this.outcomes.push(this.book.countFailure({ trunkId, accountId, sourceIp: formatSourceIp(source), username, policy }));
  }

  succeeded(trunk: TrunkView, source: SourceIp): void {
    if (this.book.counting) this.book.resetSource(lockoutKey(trunk.trunkId, formatSourceIp(source)));
  }
}
