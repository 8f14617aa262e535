/**
 * The decision engine of SPEC §5: pure apart from the nonce clock and the replay guard, no NATS.
 * Inputs arrive validated (see transport/auth-request.validation.ts); every outcome is a decision,
 * never a throw.
 */
import type { AuthDecision } from '@sipauth/contracts';
import type { SourceIp } from '@sipauth/ip-acl-match';
import { BaseAlgorithm, BASE_ALGORITHMS, baseOf, DigestCredentials, formatChallenge, NonceCheck, parseCredentials, verifyResponse } from '@sipauth/sip-digest';
import type { AuthLookup, CredentialCandidate, TrunkView } from './auth-lookup';
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
}

/** An authorize request after validation. */
export interface AuthorizeInput {
  domain: string;
  source: SourceIp;
  method: string;
  requestUri: HostPort;
  authorization?: string;
  body?: string;
}

export interface ChallengeInput { domain: string; source?: SourceIp }

/** A verify request after validation: the digest check alone. */
export interface VerifyInput {
  domain: string;
  method: string;
  requestUri: HostPort;
  authorization: string;
  body?: string;
}

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

/** Decides authorize, challenge and verify requests in the order of SPEC §5. */
export class Authorizer {
  constructor(private readonly deps: AuthorizerDeps) {}

  async authorize(input: AuthorizeInput): Promise<AuthDecision> {
    const trunk = this.deps.index.trunkByDomain(normaliseDomain(input.domain));
    if (!trunk) return deny(404, 'unknown-trunk');
    const hasLists = trunk.credentialListIds.length > 0;
    if (!trunk.hasAcl && !hasLists) return deny(403, 'no-auth-configured', trunk.trunkId);
    if (trunk.hasAcl && !trunk.allowsSource(input.source)) return deny(403, 'ip-not-allowed', trunk.trunkId);
    if (!hasLists) return allow('ip-allowed', trunk.trunkId);
    const ackOrCancel = isAckOrCancel(input.method);
    if (input.authorization === undefined) {
      return ackOrCancel ? allow('ack-cancel-allowed', trunk.trunkId) : this.challengeFor(trunk, false);
    }
    return this.verifyDigest(trunk, input, ackOrCancel);
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
    return this.challengeFor(trunk, false);
  }

  /** The digest check alone (no ACL). */
  async verify(input: VerifyInput): Promise<AuthDecision> {
    const trunk = this.deps.index.trunkByDomain(normaliseDomain(input.domain));
    if (!trunk) return deny(404, 'unknown-trunk');
    if (trunk.credentialListIds.length === 0) return deny(403, 'no-credential-lists', trunk.trunkId);
    return this.verifyDigest(trunk, input, isAckOrCancel(input.method));
  }

  private challengeFor(trunk: TrunkView, stale: boolean): AuthDecision {
    const { realm, nonces } = this.deps;
    const proxyAuthenticate = trunk.algorithms.map((algorithm) =>
      formatChallenge({ realm, nonce: nonces.issue(realm, algorithm), algorithm, qop: ['auth'], ...(stale ? { stale: true } : {}) }),
    );
    return { decision: 'challenge', status: 407, reason: stale ? 'stale-nonce' : 'challenge', proxyAuthenticate, trunkId: trunk.trunkId };
  }

  private async verifyDigest(
    trunk: TrunkView,
    input: { method: string; requestUri: HostPort; authorization?: string; body?: string },
    ackOrCancel: boolean,
  ): Promise<AuthDecision> {
    const parsed = parseCredentials(input.authorization ?? '');
    if (!parsed.ok) return deny(403, PARSE_REASONS[parsed.reason] ?? 'malformed-credentials', trunk.trunkId);
    const credentials = parsed.value;
    if (credentials.realm !== this.deps.realm) return deny(403, 'realm-mismatch', trunk.trunkId);
    const base = baseOf(credentials.algorithm);
    const nonce = this.deps.nonces.check(credentials.nonce, this.deps.realm, base);
    if (!nonce.valid) return deny(403, this.issuedForAnotherAlgorithm(credentials, base) ? 'algorithm-mismatch' : 'nonce-invalid', trunk.trunkId);
    if (!trunk.algorithms.includes(base)) return deny(403, 'algorithm-mismatch', trunk.trunkId);
    const uriTarget = parseSipUriHost(credentials.uri);
    if (!uriTarget || !sameTarget(uriTarget, input.requestUri)) return deny(403, 'uri-mismatch', trunk.trunkId);

    const candidates = this.deps.index.credentialsFor(trunk, credentials.username ?? '', credentials.userhash, base);
    if (candidates.length === 0) return deny(403, 'unknown-user', trunk.trunkId);
    const methods = hashedMethods(input.method, ackOrCancel);
    const who = candidates.find((c) => {
      const ha1 = c.ha1(base);
      return ha1 !== undefined && methods.some((method) => verifyResponse(credentials, { ha1, method, body: input.body }));
    });
    if (!who) return deny(403, 'bad-response', trunk.trunkId);

    // Never challenged, and it repeats credentials its INVITE already proved: an expired nonce does not stop it.
    if (ackOrCancel) return allow('digest-verified', trunk.trunkId, who);
    if (nonce.stale) return this.challengeFor(trunk, true);
    const first = await this.deps.replay.claim(replayKey(credentials.nonce, credentials.nc));
    return first ? allow('digest-verified', trunk.trunkId, who) : deny(403, 'nonce-replayed', trunk.trunkId);
  }

  private issuedForAnotherAlgorithm(credentials: DigestCredentials, base: BaseAlgorithm): boolean {
    return BASE_ALGORITHMS.some((other) => other !== base && this.deps.nonces.check(credentials.nonce, this.deps.realm, other).valid);
  }
}
