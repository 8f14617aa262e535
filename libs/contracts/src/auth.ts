/** Requests and replies of the sip-auth-worker (SPEC §5, §6). */
export type Decision = 'allow' | 'challenge' | 'deny';

export interface AuthorizeRequest {
  domain: string;
  sourceIp: string;
  method: string;
  requestUri: string;
  /** The Proxy-Authorization header value, if the request carried one. */
  authorization?: string;
  /** The request body, for qop=auth-int. */
  body?: string;
  /** The branch of the top Via: the same verified request retransmitted with it gets the same allow (SPEC §5). */
  transactionId?: string;
}

export interface ChallengeRequest { domain: string; sourceIp?: string; transactionId?: string }

export interface VerifyRequest {
  domain: string;
  method: string;
  requestUri: string;
  authorization: string;
  sourceIp?: string;
  body?: string;
  transactionId?: string;
}

export interface AuthDecision {
  decision: Decision;
  status: 200 | 403 | 404 | 407;
  reason: string;
  /** One Proxy-Authenticate header value per offered algorithm, most preferred first. */
  proxyAuthenticate?: string[];
  trunkId?: string;
  username?: string;
  credentialListId?: string;
}

export interface AuthStatus {
  ready: boolean;
  /** Position of the last event the worker has applied (decimal string). */
  position: string;
  counts: { trunks: number; credentialLists: number; credentials: number; ipAccessControlLists: number; ipRanges: number };
}

export const AUTH_REASONS = [
  'ip-allowed',
  'digest-verified',
  'challenge',
  'stale-nonce',
  'unknown-trunk',
  'no-auth-configured',
  'ip-not-allowed',
  'no-credential-lists',
  'unknown-user',
  'bad-response',
  'realm-mismatch',
  'uri-mismatch',
  'algorithm-mismatch',
  'nonce-invalid',
  'nonce-replayed',
  'malformed-credentials',
  'qop-unsupported',
  'ack-cancel-allowed',
  'locked-out',
] as const;
export type AuthReason = (typeof AUTH_REASONS)[number];

/** `auth.explain` (SPEC §5.3): a dry run of the decision engine for a person testing a configuration. */
export interface ExplainRequest {
  domain: string;
  sourceIp: string;
  /** Default INVITE. */
  method?: string;
  username?: string;
  /** Used only to compute the digest response of the synthetic request; never logged or returned. */
  password?: string;
}

/** The steps of §5, in the order the engine takes them; a step the decision never reached is absent. */
export const EXPLAIN_STEPS = ['trunk', 'acl', 'lockout', 'challenge', 'response', 'verification', 'decision'] as const;
export type ExplainStepName = (typeof EXPLAIN_STEPS)[number];

export interface ExplainStep {
  step: ExplainStepName;
  /** One word a program can test, e.g. `found`, `allowed`, `not-locked`, `offered`, `computed`, `verified`, `allow`. */
  outcome: string;
  /** What a person reads: the trunk id, the matching range, the challenges, the computed response, the reason. */
  detail: Record<string, unknown>;
}

export interface ExplainResult {
  decision: Decision;
  status: AuthDecision['status'];
  reason: string;
  steps: ExplainStep[];
}

/** `auth.lockouts.list` / `auth.lockouts.clear` (SPEC §5.1). */
export interface ListLockoutsRequest { accountId: string; trunkId: string }
export interface ClearLockoutsRequest { accountId: string; trunkId: string; sourceIp?: string }

/** One locked-out source of a trunk. */
export interface LockoutView {
  trunkId: string;
  sourceIp: string;
  /** ISO times: when the threshold was crossed, and when the lockout ends. */
  lockedAt: string;
  expiresAt: string;
  failures: number;
}
export interface ListLockoutsResult { lockouts: LockoutView[] }
export interface ClearLockoutsResult { cleared: number }
