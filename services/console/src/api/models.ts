/**
 * The bodies the console reads, named from config-service's OpenAPI document (schema.d.ts, generated):
 * when the API changes shape, regenerating the types makes the compiler point at every use.
 */
import type { components } from './schema';

type S = components['schemas'];
export type CredentialListView = S['CredentialListView'];
export type CredentialSummary = S['CredentialSummary'];
export type CredentialListDetail = S['CredentialListDetail'];
export type IpAclView = S['IpAclView'];
export type IpAddressView = S['IpAclDetail']['ipAddresses'][number];
export type IpAclDetail = S['IpAclDetail'];
export type TrunkView = S['TrunkView'];
export type LockoutPolicy = S['LockoutPolicyView'];
export type Lockout = S['LockoutView'];
export type HistoryEntry = S['HistoryEntryView'];
export type TestCallResult = S['TestCallResult'];
export type ExplainStep = S['ExplainStepView'];
export type TokenIdentity = S['TokenIdentity'];
export type DigestAlgorithm = S['TrunkView']['digestAlgorithms'][number];

/** MD5 first: the order most SIP clients can answer (SPEC §5, §11). */
export const DIGEST_ALGORITHMS: readonly DigestAlgorithm[] = ['MD5', 'SHA-256', 'SHA-512-256'];

/** One page of a list and the token of the next (absent on the last page). */
export interface Page<T> { items: T[]; nextPageToken?: string }

export type ListKind = 'credentialList' | 'ipAccessControlList';
