/**
 * What the decision engine asks of the brute-force lockout (SPEC §5.1). The engine only looks up and
 * reports; counting, sharing between replicas and expiry live behind this port (lockout/).
 */
import type { SourceIp } from '@sipauth/ip-acl-match';
import type { TrunkView } from './auth-lookup';

/** A failed attempt the lockout counts: the two reasons SPEC §5.1 names. */
export type CountedFailure = 'bad-response' | 'unknown-user';

export interface LockoutGate {
  /** When the source's lockout on the trunk ends (epoch ms), or undefined when it is not locked out. Must be a map lookup. */
  lockedUntil(trunk: TrunkView, source: SourceIp): number | undefined;
  /** Reports a counted failure; must not wait for anything (fire and forget). */
  failed(trunk: TrunkView, source: SourceIp, username: string, reason: CountedFailure): void;
  /** Reports a verified response: the source's count starts again. */
  succeeded(trunk: TrunkView, source: SourceIp): void;
}

/** No lockout at all (tools and benchmarks that measure the engine without it). */
export const NO_LOCKOUT: LockoutGate = {
  lockedUntil: () => undefined,
  failed: () => undefined,
  succeeded: () => undefined,
};
