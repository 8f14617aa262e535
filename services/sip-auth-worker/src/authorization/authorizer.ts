/**
 * The decision engine of SPEC §5: pure apart from its clock, the replay guard and the lockout gate,
 * no NATS. Inputs arrive validated (see transport/auth-request.validation.ts); every outcome is a
 * decision, never a throw. auth.explain runs this same code in a dry run that records each step.
 */
import type { AuthDecision, ExplainStep } from '@sipauth/contracts';
import type { SourceIp } from '@sipauth/ip-acl-match';
import { BaseAlgorithm, BASE_ALGORITHMS, baseOf, DigestCredentials, formatChallenge, NonceCheck, parseCredentials, verifyResponse } from '@sipauth/sip-digest';
import type { AuthLookup, CredentialCandidate, TrunkView } from './auth-lookup';
import { CountedFailure, LockoutGate, NO_LOCKOUT } from './lockout-gate';
import { HostPort, normaliseDomain, parseSipUriHost, sameTarget } from './request-target';
import { replayKey, ReplayGuard } from './replay-guard';

/** Issues and checks the stateless nonces (NonceService of @sipauth/sip-digest). */
export interface Nonces {
  issue(realm: string, algorithm: BaseAlgorithm): string;
  check(nonce: string, realm: string, algorithm: BaseAlgorithm): NonceCheck;
}

export interface AuthorizerDeps {
  index: AuthLookup;
  nonces: Nonces;
  replay: ReplayGuard;
  realm: string;
  /** Brute-force lockout (SPEC §5.1); default none. */
  lockouts?: LockoutGate;
  /** The worker's clock (epoch ms): lockout expiry and password-rotation overlap. */
  now?: () => number;
}

/** An authorize request after validation. */
export interface AuthorizeInput {
  domain: string;
  source: SourceIp;
  method: string;
  requestUri: HostPort;
  authorization?: string;
  body?: string;
  /** Top Via branch: tells a retransmission from a replay. */
  transactionId?: string;
}

export interface ChallengeInput { domain: string; source?: SourceIp }

/** A verify request after validation: the digest check alone (a given source is only counted and checked for lockout). */
export interface VerifyInput {
  domain: string;
  method: string;
  requestUri: HostPort;
  authorization: string;
  body?: string;
  source?: SourceIp;
  transactionId?: string;
}

/** How a decision runs: for real, or as auth.explain's dry run (no nonce claimed, no failure counted, each step recorded). */
export interface DecisionRun { readonly dryRun: boolean; readonly steps?: ExplainStep[] }
const LIVE: DecisionRun = { dryRun: false };

const deny = (status: 403 | 404, reason: string, trunkId?: string): AuthDecision =>
  trunkId === undefined ? { decision: 'deny', status, reason } : { decision: 'deny', status, reason, trunkId };
const allow = (reason: string, trunkId: string, who?: CredentialCandidate): AuthDecision =>
  who
    ? { decision: 'allow', status: 200, reason, trunkId, username: who.username, credentialListId: who.credentialListId }
    : { decision: 'allow', status: 200, reason, trunkId };

/** ACK and CANCEL are never challenged and repeat their INVITE's credentials, so no replay rule. */
const isAckOrCancel = (method: string): boolean => method === 'ACK' || method === 'CANCEL';

/**
 * The methods a response may have been computed for. An ACK (RFC 3261 §13.2.2.4) or CANCEL carries
 * the credentials of its INVITE, whose response hashed `INVITE`; a client that hashed its own method
 * is accepted too.
 */
const hashedMethods = (method: string, ackOrCancel: boolean): readonly string[] => (ackOrCancel ? ['INVITE', method] : [method]);

const PARSE_REASONS: Record<string, string> = {
  'malformed-credentials': 'malformed-credentials',
  'qop-unsupported': 'qop-unsupported',
  'algorithm-unsupported': 'algorithm-mismatch',
};
/** A username is reported to the lockout counters at most this long (it comes from the caller). */
const MAX_COUNTED_USERNAME = 128;

/** Decides authorize, challenge and verify requests in the order of SPEC §5. */
export class Authorizer {
  private readonly lockouts: LockoutGate;
  private readonly now: () => number;

  constructor(private readonly deps: AuthorizerDeps) {
    this.lockouts = deps.lockouts ?? NO_LOCKOUT;
    this.now = deps.now ?? Date.now;
  }

  /** The realm every challenge names. */
  get realm(): string { return this.deps.realm; }

  async authorize(input: AuthorizeInput, run: DecisionRun = LIVE): Promise<AuthDecision> {
    const trunk = this.findTrunk(input.domain, run);
    if (!trunk) return deny(404, 'unknown-trunk');
    const hasLists = trunk.credentialListIds.length > 0;
    if (!trunk.hasAcl && !hasLists) return deny(403, 'no-auth-configured', trunk.trunkId);
    if (!this.aclAdmits(trunk, input.source, run)) return deny(403, 'ip-not-allowed', trunk.trunkId);
    if (!hasLists) return allow('ip-allowed', trunk.trunkId);
    if (this.isLockedOut(trunk, input.source, run)) return deny(403, 'locked-out', trunk.trunkId);
    const ackOrCancel = isAckOrCancel(input.method);
    if (input.authorization === undefined) {
      return ackOrCancel ? allow('ack-cancel-allowed', trunk.trunkId) : this.challengeFor(trunk, false, run);
    }
    return this.verifyDigest(trunk, input, input.source, ackOrCancel, run);
  }

  /**
   * A challenge for a request without credentials. The ACL applies only when a source is given; a
   * trunk with no credential list has nothing to challenge: allowed when a given source passes its
   * ACL, otherwise denied `no-credential-lists` (allowing without checking the ACL would open it).
   */
  async challenge(input: ChallengeInput): Promise<AuthDecision> {
    const trunk = this.deps.index.trunkByDomain(normaliseDomain(input.domain));
    if (!trunk) return deny(404, 'unknown-trunk');
    const hasLists = trunk.credentialListIds.length > 0;
    if (!trunk.hasAcl && !hasLists) return deny(403, 'no-auth-configured', trunk.trunkId);
    if (trunk.hasAcl && input.source && !trunk.allowsSource(input.source)) return deny(403, 'ip-not-allowed', trunk.trunkId);
    if (!hasLists) return input.source ? allow('ip-allowed', trunk.trunkId) : deny(403, 'no-credential-lists', trunk.trunkId);
    if (input.source && this.isLockedOut(trunk, input.source, LIVE)) return deny(403, 'locked-out', trunk.trunkId);
    return this.challengeFor(trunk, false, LIVE);
  }

  /** The digest check alone (no ACL); a given source is checked for lockout and its failures counted. */
  async verify(input: VerifyInput): Promise<AuthDecision> {
    const trunk = this.deps.index.trunkByDomain(normaliseDomain(input.domain));
    if (!trunk) return deny(404, 'unknown-trunk');
    if (trunk.credentialListIds.length === 0) return deny(403, 'no-credential-lists', trunk.trunkId);
    if (input.source && this.isLockedOut(trunk, input.source, LIVE)) return deny(403, 'locked-out', trunk.trunkId);
    return this.verifyDigest(trunk, input, input.source, isAckOrCancel(input.method), LIVE);
  }

  private findTrunk(domain: string, run: DecisionRun): TrunkView | undefined {
    const normalised = normaliseDomain(domain);
    const trunk = this.deps.index.trunkByDomain(normalised);
    if (run.steps) run.steps.push({ step: 'trunk', outcome: trunk ? 'found' : 'not-found', detail: { domain: normalised, ...(trunk ? { trunkId: trunk.trunkId } : {}) } });
    return trunk;
  }

  private aclAdmits(trunk: TrunkView, source: SourceIp, run: DecisionRun): boolean {
    const admitted = !trunk.hasAcl || trunk.allowsSource(source);
    if (run.steps) {
      const range = trunk.hasAcl ? trunk.matchingRange(source) : undefined;
      const outcome = !trunk.hasAcl ? 'no-acl' : admitted ? 'allowed' : 'denied';
      run.steps.push({ step: 'acl', outcome, detail: range ? { ...range } : { ipAccessControlListIds: trunk.hasAcl ? 'none holds the source' : 'none assigned' } });
    }
    return admitted;
  }

  private isLockedOut(trunk: TrunkView, source: SourceIp, run: DecisionRun): boolean {
    const policy = trunk.lockoutPolicy;
    const until = policy.enabled ? this.lockouts.lockedUntil(trunk, source) : undefined;
    const locked = until !== undefined && until > this.now();
    if (run.steps) {
      const outcome = !policy.enabled ? 'disabled' : locked ? 'locked-out' : 'not-locked-out';
      run.steps.push({ step: 'lockout', outcome, detail: locked ? { expiresAt: new Date(until!).toISOString(), policy: { ...policy } } : { policy: { ...policy } } });
    }
    return locked;
  }

  private challengeFor(trunk: TrunkView, stale: boolean, run: DecisionRun): AuthDecision {
    const { realm, nonces } = this.deps;
    const proxyAuthenticate = trunk.algorithms.map((algorithm) =>
      formatChallenge({ realm, nonce: nonces.issue(realm, algorithm), algorithm, qop: ['auth'], ...(stale ? { stale: true } : {}) }),
    );
    if (run.steps) run.steps.push({ step: 'challenge', outcome: stale ? 'offered-stale' : 'offered', detail: { algorithms: [...trunk.algorithms], proxyAuthenticate } });
    // The answer comes back a round trip later: have the trunk's credential lists in memory by then.
    if (!run.dryRun) this.deps.index.prefetchCredentials?.(trunk);
    return { decision: 'challenge', status: 407, reason: stale ? 'stale-nonce' : 'challenge', proxyAuthenticate, trunkId: trunk.trunkId };
  }

  private async verifyDigest(
    trunk: TrunkView,
    input: { method: string; requestUri: HostPort; authorization?: string; body?: string; transactionId?: string },
    source: SourceIp | undefined,
    ackOrCancel: boolean,
    run: DecisionRun,
  ): Promise<AuthDecision> {
    const refuse = (reason: string): AuthDecision => {
      if (run.steps) run.steps.push({ step: 'verification', outcome: 'refused', detail: { reason } });
      return deny(403, reason, trunk.trunkId);
    };
    const parsed = parseCredentials(input.authorization ?? '');
    if (!parsed.ok) return refuse(PARSE_REASONS[parsed.reason] ?? 'malformed-credentials');
    const credentials = parsed.value;
    if (credentials.realm !== this.deps.realm) return refuse('realm-mismatch');
    const base = baseOf(credentials.algorithm);
    const nonce = this.deps.nonces.check(credentials.nonce, this.deps.realm, base);
    if (!nonce.valid) return refuse(this.issuedForAnotherAlgorithm(credentials, base) ? 'algorithm-mismatch' : 'nonce-invalid');
    if (!trunk.algorithms.includes(base)) return refuse('algorithm-mismatch');
    const uriTarget = parseSipUriHost(credentials.uri);
    // An ACK to a 2xx goes to the 200's Contact, not to the INVITE's Request-URI its credentials name (SPEC §5).
    if (!uriTarget || (input.method !== 'ACK' && !sameTarget(uriTarget, input.requestUri))) return refuse('uri-mismatch');

    const username = credentials.username ?? '';
    const found = this.deps.index.credentialsFor(trunk, username, credentials.userhash, base);
    // Cached lists answer at once; awaiting only a load keeps the hot path free of an extra turn.
    const candidates = Array.isArray(found) ? found : await found;
    if (candidates.length === 0) return this.failed(trunk, source, username, 'unknown-user', run, refuse);
    const methods = hashedMethods(input.method, ackOrCancel);
    const verifies = (ha1: string | undefined) => ha1 !== undefined && methods.some((method) => verifyResponse(credentials, { ha1, method, body: input.body }));
    let who = candidates.find((c) => verifies(c.ha1(base)));
    let previousPassword = false;
    if (!who) {
      const now = this.now();
      who = candidates.find((c) => verifies(c.previousHa1(base, now)));
      previousPassword = who !== undefined;
    }
    if (!who) return this.failed(trunk, source, username, 'bad-response', run, refuse);
    if (source && !run.dryRun) this.lockouts.succeeded(trunk, source);
    if (run.steps) run.steps.push({ step: 'verification', outcome: 'verified', detail: { username: who.username, credentialListId: who.credentialListId, previousPassword } });

    // Never challenged, and it repeats credentials its INVITE already proved: an expired nonce does not stop it.
    if (ackOrCancel) return allow('digest-verified', trunk.trunkId, who);
    if (nonce.stale) return this.challengeFor(trunk, true, run);
    if (run.dryRun) return allow('digest-verified', trunk.trunkId, who);
    const use = input.transactionId === undefined ? { response: credentials.response } : { response: credentials.response, transactionId: input.transactionId };
    const verdict = await this.deps.replay.claim(replayKey(credentials.nonce, credentials.nc), use);
    return verdict === 'replayed' ? deny(403, 'nonce-replayed', trunk.trunkId) : allow('digest-verified', trunk.trunkId, who);
  }

  /** Counts a failed attempt for the lockout (never in a dry run, never without a source) and refuses it. */
  private failed(
    trunk: TrunkView, source: SourceIp | undefined, username: string, reason: CountedFailure, run: DecisionRun,
    refuse: (reason: string) => AuthDecision,
  ): AuthDecision {
    if (source && !run.dryRun && trunk.lockoutPolicy.enabled) this.lockouts.failed(trunk, source, username.slice(0, MAX_COUNTED_USERNAME), reason);
    return refuse(reason);
  }

  private issuedForAnotherAlgorithm(credentials: DigestCredentials, base: BaseAlgorithm): boolean {
    return BASE_ALGORITHMS.some((other) => other !== base && this.deps.nonces.check(credentials.nonce, this.deps.realm, other).valid);
  }
}
