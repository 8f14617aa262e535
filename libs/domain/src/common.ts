/** Types shared by the aggregates. */
export type ListKind = 'credentialList' | 'ipAccessControlList';
export type DigestAlgorithmName = 'SHA-512-256' | 'SHA-256' | 'MD5';

/** HA1 = H(username:realm:password) for each algorithm, sealed with AES-256-GCM (see @sipauth/sip-digest). */
export interface SealedHa1s { 'MD5': string; 'SHA-256': string; 'SHA-512-256': string }
/**
 * A credential imported from an MD5 HA1 alone (Kamailio's `subscriber.ha1`): H(username:realm:password)
 * cannot be turned into the other algorithms' HA1s, so it holds the MD5 one only (sealed) and can only
 * ever answer an MD5 challenge.
 */
export interface Md5OnlySealedHa1s { 'MD5': string }
/** What a credential holds: every algorithm's HA1, or the MD5 one alone for an MD5-only import. */
export type CredentialHa1s = SealedHa1s | Md5OnlySealedHa1s;

/** A trunk's brute-force lockout policy (SPEC §5.1); the limits are in rules.ts (`checkLockoutPolicy`). */
export interface LockoutPolicyData { enabled: boolean; maxFailures: number; windowSeconds: number; lockoutSeconds: number }

/** Recorded on both the trunk's stream and the list's stream (see README "Cross-aggregate rules"). */
export interface TrunkAssignedData { trunkId: string; listKind: ListKind; listId: string }

/** Every command names the acting account; a command never touches another account's resources. */
export interface AccountCommand { accountId: string }

/** Stream names (SPEC §4). */
export const streams = {
  credentialList: (id: string) => `credentialList-${id}`,
  ipAcl: (id: string) => `ipAcl-${id}`,
  trunk: (id: string) => `trunk-${id}`,
  trunkDomain: (domainName: string) => `trunkDomain-${domainName}`,
};
