/** What the decision engine needs from the in-memory index; the index implements it, tests fake it. */
import type { BaseAlgorithm } from '@sipauth/sip-digest';
import type { SourceIp } from '@sipauth/ip-acl-match';

/** A trunk as the engine sees it. */
export interface TrunkView {
  readonly trunkId: string;
  readonly accountId: string;
  /** Offered digest algorithms, most preferred first (the trunk's order, or SHA-256, MD5). */
  readonly algorithms: readonly BaseAlgorithm[];
  readonly credentialListIds: readonly string[];
  readonly hasAcl: boolean;
  /** Whether the source is in one of the trunk's ACLs. */
  allowsSource(source: SourceIp): boolean;
}

/** A credential of one of the trunk's lists that the client's username (or userhash) names. */
export interface CredentialCandidate {
  readonly credentialListId: string;
  readonly credentialId: string;
  /** The username exactly as configured. */
  readonly username: string;
  /** The HA1 for `algorithm`; undefined when it cannot be opened (e.g. sealed under an unknown key). */
  ha1(algorithm: BaseAlgorithm): string | undefined;
}

export interface AuthLookup {
  /** The trunk of a normalised domain. */
  trunkByDomain(domain: string): TrunkView | undefined;
  /**
   * The credentials of the trunk's lists with this username (exact match, see CredentialDirectory)
   * or, when `userhash` is true, whose H(username:realm) under `algorithm` is this hex value.
   */
  credentialsFor(trunk: TrunkView, username: string, userhash: boolean, algorithm: BaseAlgorithm): CredentialCandidate[];
}
