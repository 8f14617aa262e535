/** What the decision engine needs from the in-memory index; the index implements it, tests fake it. */
import type { LockoutPolicy } from '@sipauth/contracts';
import type { BaseAlgorithm } from '@sipauth/sip-digest';
import type { SourceIp } from '@sipauth/ip-acl-match';

/** The ACL range a source matched (for auth.explain). */
export interface MatchedRange { ipAccessControlListId: string; ipAddressId: string; range: string }

/** A trunk as the engine sees it. */
export interface TrunkView {
  readonly trunkId: string;
  readonly accountId: string;
  /** Offered digest algorithms, most preferred first (the trunk's order, or the default MD5, SHA-256). */
  readonly algorithms: readonly BaseAlgorithm[];
  /** The effective brute-force lockout policy (the default when the trunk set none). */
  readonly lockoutPolicy: Readonly<LockoutPolicy>;
  readonly credentialListIds: readonly string[];
  readonly hasAcl: boolean;
  /** Whether the source is in one of the trunk's ACLs. */
  allowsSource(source: SourceIp): boolean;
  /** The most specific range of the trunk's ACLs holding the source; slow, for auth.explain only. */
  matchingRange(source: SourceIp): MatchedRange | undefined;
}

/** A credential of one of the trunk's lists that the client's username (or userhash) names. */
export interface CredentialCandidate {
  readonly credentialListId: string;
  readonly credentialId: string;
  /** The username exactly as configured. */
  readonly username: string;
  /** The HA1 for `algorithm`; undefined when it cannot be opened (e.g. sealed under an unknown key). */
  ha1(algorithm: BaseAlgorithm): string | undefined;
  /** The replaced password's HA1 while its overlap runs at `nowMs` (SPEC §5.2); otherwise undefined. */
  previousHa1(algorithm: BaseAlgorithm, nowMs: number): string | undefined;
}

export interface AuthLookup {
  /** The trunk of a normalised domain. */
  trunkByDomain(domain: string): TrunkView | undefined;
  /** A trunk by its id within an account (operators' requests name it so). */
  trunkById(accountId: string, trunkId: string): TrunkView | undefined;
  /**
   * The credentials of the trunk's lists with this username (exact match, see CredentialDirectory)
   * or, when `userhash` is true, whose H(username:realm) under `algorithm` is this hex value.
   * A promise when a list has to be loaded first (credentials on demand, see CredentialCache).
   */
  credentialsFor(trunk: TrunkView, username: string, userhash: boolean, algorithm: BaseAlgorithm): CredentialCandidate[] | Promise<CredentialCandidate[]>;
  /** Starts loading the trunk's credential lists if they are not in memory (a challenge was just sent); never waits, never throws. */
  prefetchCredentials?(trunk: TrunkView): void;
}
