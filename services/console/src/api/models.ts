/**
 * The bodies the console reads. config-service's OpenAPI document does not describe response bodies
 * yet, so these mirror the REST replies (libs/contracts config.ts views); when the document gains
 * response schemas they are replaced by `components['schemas']` of schema.d.ts.
 */
export interface CredentialListView {
  credentialListId: string; friendlyName: string; credentialCount: number;
  assignedTrunkIds: string[]; createdAt: string; updatedAt: string;
}
export interface CredentialSummary { credentialId: string; username: string; createdAt: string; previousPasswordValidUntil?: string }
export interface CredentialListDetail extends CredentialListView { credentials: CredentialSummary[] }

export interface IpAclView {
  ipAccessControlListId: string; friendlyName: string; ipAddressCount: number;
  assignedTrunkIds: string[]; createdAt: string; updatedAt: string;
}
export interface IpAddressView { ipAddressId: string; friendlyName: string; ipAddress: string; cidrPrefixLength: number; createdAt: string }
export interface IpAclDetail extends IpAclView { ipAddresses: IpAddressView[] }

export type DigestAlgorithm = 'MD5' | 'SHA-256' | 'SHA-512-256';
export const DIGEST_ALGORITHMS: readonly DigestAlgorithm[] = ['MD5', 'SHA-256', 'SHA-512-256'];

export interface LockoutPolicy { enabled: boolean; maxFailures?: number; windowSeconds?: number; lockoutSeconds?: number }

export interface TrunkView {
  trunkId: string; friendlyName: string; domainName: string;
  credentialListIds: string[]; ipAccessControlListIds: string[];
  digestAlgorithms: DigestAlgorithm[];
  lockoutPolicy?: LockoutPolicy;
  createdAt: string; updatedAt: string;
}

/** One page of a list and the token of the next (absent on the last page). */
export interface Page<T> { items: T[]; nextPageToken?: string }

export type ListKind = 'credentialList' | 'ipAccessControlList';
